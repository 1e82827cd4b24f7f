#!/usr/bin/env node
// `npm run package`: production build, then a .vsix with @vscode/vsce; prints its size and what it holds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runBuild } from './lib/build.mjs';
import { root } from './lib/codeServer.mjs';

// The goal the release promises: a .vsix under 1.5 MB (decimal). The code, KaTeX's fonts and the webview scripts are
// about 0.6 MiB; the content is the content pack (dist/content.pack: 43 bilingual topics, their cards and the 37
// practice problems' statements, one brotli stream of about 0.5 MB) and the files read at run time (diagrams,
// starters, solutions and cases, about 0.2 MB compressed). A dependency or asset that slips in should fail the build,
// not ship.
const MAX_VSIX_BYTES = 1_500_000;

/** Files of content/ that the extension reads at run time, and so must be in the .vsix (see .vscodeignore). */
const RUN_TIME_PROBLEM_FILES = ['starter.ts', 'starter.py', 'solution.ts', 'solution.py', 'cases.json'];

/**
 * What the content pack replaces must stay out of the .vsix (else the pack saved nothing) and what is read at run time
 * must be in it, so .vscodeignore keeps step with the files on disk: checked against `vsce ls`, before packaging.
 */
function checkPackagedContent(vsce) {
  const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`vsce ls failed (exit ${listed.status}):\n${listed.stderr}`);
  const files = new Set(listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean));
  const decks = path.join(root, 'content', 'decks');
  const problems = path.join(root, 'content', 'problems');
  const needed = ['dist/content.pack'];
  for (const deck of fs.readdirSync(decks)) {
    const diagrams = path.join(decks, deck, 'diagrams');
    if (fs.existsSync(diagrams)) for (const name of fs.readdirSync(diagrams)) needed.push(`content/decks/${deck}/diagrams/${name}`);
  }
  for (const id of fs.readdirSync(problems)) for (const name of RUN_TIME_PROBLEM_FILES) needed.push(`content/problems/${id}/${name}`);
  const missing = needed.filter((file) => !files.has(file));
  const replaced = [...files].filter((file) => /^content\/(decks\/[^/]+\/(deck\.yaml|topics\/.*\.md|cards\/.*\.yaml)|problems\/[^/]+\/problem\.md)$/.test(file));
  if (missing.length > 0) throw new Error(`the .vsix would lack files read at run time (see .vscodeignore):\n  ${missing.join('\n  ')}`);
  if (replaced.length > 0) throw new Error(`the .vsix would hold files the content pack replaces (see .vscodeignore):\n  ${replaced.join('\n  ')}`);
}

export async function packageExtension() {
  await runBuild(['--production']);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  checkPackagedContent(vsce);
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
