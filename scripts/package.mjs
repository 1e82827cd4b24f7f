#!/usr/bin/env node
// `npm run package`: production build, then a .vsix with @vscode/vsce; prints its size and what it holds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runBuild } from './lib/build.mjs';
import { root } from './lib/codeServer.mjs';

// The code, KaTeX's fonts and the webview scripts are about 0.6 MiB; the rest is content — 43 bilingual topics, 334
// cards and 37 practice problems with their reference data (1.1 MiB compressed). The budget leaves room for growth
// without letting a dependency or an asset slip in unnoticed.
const MAX_VSIX_BYTES = 2 * 1024 * 1024;

export async function packageExtension() {
  await runBuild(['--production']);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // Dependencies are bundled by esbuild, so node_modules stays out of the package.
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vsce package failed (exit ${result.status})`);
  const size = fs.statSync(out).size;
  console.log(`${path.basename(out)}: ${(size / 1024).toFixed(1)} KiB (${size} bytes)`);
  // The budget the release promises; a dependency or asset that breaks it should fail the build, not ship.
  if (size >= MAX_VSIX_BYTES) throw new Error(`${path.basename(out)} is ${size} bytes, over the ${MAX_VSIX_BYTES}-byte budget`);
  return { file: out, size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  packageExtension().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
