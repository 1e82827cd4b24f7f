import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './codeServer.mjs';

/** Runs scripts/build.mjs in a child process (it exits on failure), so every runner builds the same way. */
export async function runBuild(flags = []) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), ...flags], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`build failed (exit ${result.status})`);
}
