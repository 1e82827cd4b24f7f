// Mocha's spec reporter, plus a JSON file of the counts (MLIP_TEST_RESULTS) for scripts/test-all.mjs's summary.
const fs = require('node:fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const resultsFile = process.env.MLIP_TEST_RESULTS;
    const failures = [];
    runner.on('fail', (test, error) => failures.push({ title: test.fullTitle(), error: String(error && error.message) }));
    runner.once('end', () => {
      if (!resultsFile) return;
      const { passes, failures: failed, pending } = this.stats;
      fs.writeFileSync(resultsFile, JSON.stringify({ passed: passes, failed, pending, failures }, null, 2));
    });
  }
}

module.exports = CountingReporter;
