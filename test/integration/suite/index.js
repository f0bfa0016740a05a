// Entry point VS Code's extension host calls with extensionTestsPath: runs the mocha suite, resolves on success.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats || {};
      if (process.env.CNC_TEST_RESULTS) {
        fs.writeFileSync(process.env.CNC_TEST_RESULTS, JSON.stringify({ passes: stats.passes, failures: stats.failures, tests: stats.tests }, null, 2));
      }
      console.log(`integration: ${stats.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`)); else resolve();
    });
  });
};
