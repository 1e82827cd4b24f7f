#!/usr/bin/env node
// Runs the integration suite (test/integration) inside the extension host of a real VS Code: code-server,
// driven by headless Chromium. Prints the results and writes them to test-results/integration.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshWorkspace, launchBrowser, root, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { runBuild } from './lib/build.mjs';
import { provisionCodeServer } from './provision-code-server.mjs';

const TIMEOUT_MS = 5 * 60_000;

export async function runIntegration() {
  await runBuild();
  provisionCodeServer();
  const resultsDir = path.join(root, 'test-results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(os.tmpdir(), `mlip-integration-${process.pid}.json`);
  fs.rmSync(resultsFile, { force: true });
  const workspace = freshWorkspace();
  const server = await startCodeServer({ env: { MLIP_TEST_RESULTS: resultsFile } });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(workbenchUrl(server, { folder: workspace, extensionTestsPath: path.join(root, 'out', 'integration', 'index.js') }));
    const deadline = Date.now() + TIMEOUT_MS;
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > deadline) throw new Error(`the integration suite did not finish within ${TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // The file is written in one call; a short read retry covers a partially flushed write.
    const result = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    // VS Code logs a tree fetch that failed, and shows it to the user, but no test sees it fail.
    const treeErrors = printExtensionHostLog(server.userDataDir).filter((line) => TREE_FETCH_FAILURE.test(line));
    if (treeErrors.length > 0) {
      result.failed += 1;
      result.failures.push({ title: 'the extension host logged no failed tree fetch', error: treeErrors.join('\n') });
    }
    fs.writeFileSync(path.join(resultsDir, 'integration.json'), JSON.stringify(result, null, 2));
    for (const failure of result.failures) console.error(`\n✗ ${failure.title}\n${failure.error}`);
    console.log(`integration: ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
    return result;
  } catch (error) {
    console.error(server.log());
    printExtensionHostLog(server.userDataDir);
    if (fs.existsSync(`${resultsFile}.progress`)) console.error(`tests so far:\n${fs.readFileSync(`${resultsFile}.progress`, 'utf8')}`);
    throw error;
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(resultsFile, { force: true });
    fs.rmSync(`${resultsFile}.progress`, { force: true });
  }
}

/** What VS Code logs when two fetches of a tree's rows overlapped (src/features.ts, selectActiveTopic). */
const TREE_FETCH_FAILURE = /Element with id .* is already registered/;

/** Prints the warnings and errors of the extension host's log (in code-server's log folder), and returns them. */
function printExtensionHostLog(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return [];
  const files = fs.readdirSync(logs, { recursive: true }).filter((f) => String(f).endsWith('exthost.log'));
  const found = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(logs, String(file)), 'utf8');
    const lines = text.split('\n').filter((line) => /\[(error|warning)\]/.test(line) && !/open-vsx|vsda|marketplace/i.test(line));
    if (lines.length > 0) console.log(`extension host warnings/errors:\n${lines.slice(0, 30).join('\n')}`);
    found.push(...lines);
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runIntegration()
    .then((result) => process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0))
    .catch((error) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exit(1);
    });
}
