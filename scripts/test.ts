// `npm test`: unit and integration tests, then the browser tests against a production build.
// The projects run one after the other so the build and the browser never compete with the
// database tests for this machine's two cores.
import { spawnSync } from 'node:child_process';

const vitest = 'node_modules/vitest/vitest.mjs';
const passthrough = process.argv.slice(2);
const stages = [
  ['run', '--project', 'unit', '--project', 'integration', ...passthrough],
  ['run', '--project', 'e2e', ...passthrough],
];

for (const args of stages) {
  const result = spawnSync(process.execPath, [vitest, ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
