// Entry point that VS Code's extension host calls (`extensionTestsPath`): the same for code-server
// (scripts/run-integration.mjs) and desktop VS Code (@vscode/test-electron, scripts/run-desktop.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  // MLIP_TEST_GREP runs a subset (a mocha --grep pattern), e.g. MLIP_TEST_GREP=snippet npm run test:integration.
  const grep = process.env.MLIP_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const directory = __dirname;
  for (const file of fs.readdirSync(directory).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(directory, file));
  }
  const resultsFile = process.env.MLIP_TEST_RESULTS;
  return new Promise((resolve, reject) => {
    const result: SuiteResult = { passed: 0, failed: 0, pending: 0, failures: [] };
    const runner = mocha.run((failures) => {
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(result, null, 2));
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
    // One line per finished test, as it finishes, so a suite that hangs shows where (scripts/run-integration.mjs prints it).
    const progress = (line: string) => {
      if (resultsFile) fs.appendFileSync(`${resultsFile}.progress`, `${line}\n`);
    };
    runner.on('test', (test) => progress(`… ${test.fullTitle()}`));
    runner.on('pass', (test) => {
      result.passed++;
      progress(`✔ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on('pending', () => result.pending++);
    runner.on('fail', (test, error: Error) => {
      progress(`✗ ${test.fullTitle()}`);
      result.failed++;
      result.failures.push({ title: test.fullTitle(), error: error.stack ?? String(error) });
    });
  });
}
