// `npm test`: unit and integration tests, then the browser tests against a production build.
// The stages run one after the other so the build and the browser never compete with the
// database tests for this machine's two cores. Ends with one plain summary line over all stages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

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
let ok = true;
for (const stage of stages) {
  const report = `test-results/vitest-${stage.name}.json`;
  rmSync(report, { force: true });
  // A file filter (`npm test -- server/auth`) may match nothing in one stage; without one, no tests is an error.
  const filtered = passthrough.length ? ['--passWithNoTests'] : [];
  const args = ['run', ...stage.projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...filtered, ...passthrough];
  const result = spawnSync(process.execPath, [vitest, ...args], { stdio: 'inherit' });
  if (result.status !== 0) ok = false;
  if (existsSync(report)) {
    const counts = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    passed += counts.numPassedTests;
    failed += counts.numFailedTests;
    skipped += counts.numPendingTests + counts.numTodoTests;
  } else {
    ok = false;
  }
}

console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 ? 0 : 1);
