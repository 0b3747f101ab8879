// `npm test`: unit and integration tests, then the browser tests against a production build.
// The stages run one after the other so the build and the browser never compete with the
// database tests for this machine's two cores. Ends with one plain summary line over all stages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults: Array<{ name: string; status: string; message?: string; assertionResults: Array<{ status: string }> }>;
}

const vitest = 'node_modules/vitest/vitest.mjs';
const passthrough = process.argv.slice(2);
const stages = [
  { name: 'unit-integration', projects: ['unit', 'integration'] },
  { name: 'e2e', projects: ['e2e'] },
];

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const problems: string[] = [];
for (const stage of stages) {
  const report = `test-results/vitest-${stage.name}.json`;
  rmSync(report, { force: true });
  // A file filter (`npm test -- server/auth`) may match nothing in one stage; without one, no tests is an error.
  const filtered = passthrough.length ? ['--passWithNoTests'] : [];
  const args = ['run', ...stage.projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...filtered, ...passthrough];
  const result = spawnSync(process.execPath, [vitest, ...args], { stdio: 'inherit' });
  const counts = existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as VitestReport) : null;
  if (!counts) {
    // The stage crashed before writing its report: that is a failure the summary must carry.
    failed += 1;
    problems.push(`stage ${stage.name} ended with ${result.signal ?? `exit code ${result.status}`} and no report`);
    continue;
  }
  passed += counts.numPassedTests;
  failed += counts.numFailedTests;
  skipped += counts.numPendingTests + counts.numTodoTests;
  // A file that fails to load (import error, syntax error, a failing hook) has no failed test in it.
  for (const file of counts.testResults) {
    if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
      failed += 1;
      problems.push(`${path.relative(process.cwd(), file.name)} failed to load or to run: ${(file.message ?? '').split('\n')[0]}`);
    }
  }
  if (result.status !== 0 && counts.numFailedTests === 0 && counts.numFailedTestSuites === 0) {
    failed += 1;
    problems.push(`stage ${stage.name} exited with ${result.status} though every test passed (an unhandled error?)`);
  }
}

for (const problem of problems) console.log(`FAILED: ${problem}`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
