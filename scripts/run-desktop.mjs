#!/usr/bin/env node
// `npm run test:desktop`: the same integration suite in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code (this one cannot: use `npm run test:integration` here).
import fs from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { runBuild } from './lib/build.mjs';
import { freshWorkspace, root } from './lib/codeServer.mjs';

async function main() {
  await runBuild();
  const workspace = freshWorkspace();
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message);
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(message)) {
    console.error('Desktop VS Code could not be downloaded from here. The same suite runs in code-server: npm run test:integration');
  }
  process.exit(1);
});
