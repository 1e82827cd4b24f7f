#!/usr/bin/env node
// Runs the Playwright UI tests (test/e2e) against code-server with the packaged .vsix installed, as a user has it;
// screenshots land in test-results/screenshots/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageExtension } from './package.mjs';
import { provisionCodeServer } from './provision-code-server.mjs';
import { root } from './lib/codeServer.mjs';

export async function runUi() {
  const { file: vsix } = await packageExtension();
  provisionCodeServer();
  const resultsFile = path.join(os.tmpdir(), `mlip-ui-${process.pid}.json`);
  fs.rmSync(resultsFile, { force: true });
  const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
  spawnSync(process.execPath, [mocha, '--config', '.mocharc.e2e.json', '--reporter', path.join(root, 'test', 'support', 'countingReporter.cjs')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MLIP_TEST_RESULTS: resultsFile, MLIP_VSIX: vsix },
  });
  if (!fs.existsSync(resultsFile)) throw new Error('the UI tests did not report any result');
  const result = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  fs.rmSync(resultsFile, { force: true });
  console.log(`ui: ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runUi()
    .then((result) => process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0))
    .catch((error) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exit(1);
    });
}
