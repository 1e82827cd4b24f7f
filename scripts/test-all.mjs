#!/usr/bin/env node
// `npm test`: lint and type-check, then unit tests (plain Node), integration tests (inside VS Code's extension
// host) and UI tests (Playwright on the workbench). Every part runs; the exit code fails if any part failed.
// Ends with one line over all suites: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './lib/codeServer.mjs';
import { runIntegration } from './run-integration.mjs';
import { runUi } from './run-ui.mjs';

const npmScript = (name) => spawnSync('npm', ['run', '--silent', name], { cwd: root, stdio: 'inherit' }).status === 0;

function runUnit() {
  const resultsFile = path.join(os.tmpdir(), `mlip-unit-${process.pid}.json`);
  fs.rmSync(resultsFile, { force: true });
  const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
  spawnSync(process.execPath, [mocha, 'test/unit/**/*.test.ts', '--reporter', path.join(root, 'test', 'support', 'countingReporter.cjs')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MLIP_TEST_RESULTS: resultsFile },
  });
  if (!fs.existsSync(resultsFile)) throw new Error('the unit tests did not report any result');
  const result = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  fs.rmSync(resultsFile, { force: true });
  console.log(`unit: ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
  return result;
}

async function main() {
  const rows = [];
  const checks = [
    ['lint', () => npmScript('lint')],
    ['typecheck', () => npmScript('typecheck')],
  ];
  for (const [name, check] of checks) {
    console.log(`\n=== ${name} ===`);
    const ok = check();
    rows.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, pending: 0, check: true });
  }
  const suites = [
    ['unit', runUnit],
    ['integration', runIntegration],
    ['ui', runUi],
  ];
  for (const [name, run] of suites) {
    console.log(`\n=== ${name} tests ===`);
    try {
      const result = await run();
      // A suite that ran nothing hides a broken harness: count it as a failure.
      rows.push({ name, ...result, failed: result.failed + (result.passed === 0 ? 1 : 0) });
    } catch (error) {
      console.error(error instanceof Error ? error.stack : error);
      rows.push({ name, passed: 0, failed: 1, pending: 0 });
    }
  }
  console.log('\n=== summary ===');
  for (const row of rows) {
    const label = row.check ? (row.failed ? 'FAILED' : 'ok') : `${row.passed} passed, ${row.failed} failed${row.pending ? `, ${row.pending} pending` : ''}`;
    console.log(`${row.name.padEnd(12)} ${label}`);
  }
  const passed = rows.filter((r) => !r.check).reduce((sum, r) => sum + r.passed, 0);
  const failed = rows.reduce((sum, r) => sum + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
