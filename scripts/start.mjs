#!/usr/bin/env node
// `npm start`: builds, then opens the extension in a real VS Code — desktop `code` when it is on PATH,
// otherwise code-server on 127.0.0.1, printing the URL to open. Ctrl+C stops it.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { runBuild } from './lib/build.mjs';
import { root, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { provisionCodeServer } from './provision-code-server.mjs';

const demoWorkspace = path.join(root, 'examples', 'demo-workspace');

function hasDesktopCode() {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main() {
  await runBuild();
  if (hasDesktopCode() && !process.env.MLIP_USE_CODE_SERVER) {
    console.log('Opening desktop VS Code with the extension under development…');
    spawn('code', ['--extensionDevelopmentPath', root, demoWorkspace], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  // Says what it does on the first run (a two-minute install) instead of a silent wait.
  provisionCodeServer();
  // User data lives in .vscode-test/ so settings and quiz progress carry over from one `npm start` to the next.
  const server = await startCodeServer({
    settings: { 'security.workspace.trust.enabled': true, 'workbench.colorTheme': 'Default Dark Modern' },
    userDataDir: path.join(root, '.vscode-test', 'start-user-data'),
    linkExtension: root,
    port: process.env.PORT ? Number(process.env.PORT) : undefined,
  });
  const url = workbenchUrl(server, { folder: demoWorkspace, extensionDevelopmentPath: null });
  console.log('\nML Interview Prep is running in code-server (VS Code in the browser).');
  console.log(`Open this URL in a browser on this machine:\n\n  ${url}\n`);
  console.log('Set PORT to choose the port. Run `npm run watch` beside it and use Developer: Reload Window to pick up changes.');
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
