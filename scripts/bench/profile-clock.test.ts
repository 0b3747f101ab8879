// The bench cuts the server's profile by windows it timed in its own process: this holds only if V8's
// .cpuprofile timestamps are the monotonic clock of process.hrtime, shared by every process.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import { summarizeCpuProfile, type CpuProfile } from './cpu-profile';
import { monotonicUs } from './http-cases';

const dir = mkdtempSync(path.join(os.tmpdir(), 'profile-clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Spins from 'go' until 'stop', in 2 ms slices so that the messages get through.
const CHILD = `
let spinning = false;
const slice = () => { const until = process.hrtime.bigint() + 2_000_000n; while (process.hrtime.bigint() < until); };
const spin = () => { if (spinning) { slice(); setImmediate(spin); } };
process.on('message', (message) => {
  if (message === 'go') { spinning = true; spin(); }
  else if (message === 'stop') { spinning = false; process.send('stopped'); }
  else process.exit(0);
});
process.send('ready');
`;

it('profiles on the clock of process.hrtime in another process', async () => {
  const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '-e', CHILD], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const message = () => new Promise((resolve) => child.once('message', resolve));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await message();
  const idle = { startUs: monotonicUs(), endUs: 0, requests: 1 };
  await sleep(300);
  idle.endUs = monotonicUs();
  const busy = { startUs: monotonicUs(), endUs: 0, requests: 1 };
  child.send('go');
  await sleep(300);
  child.send('stop');
  await message();
  busy.endUs = monotonicUs();
  child.send('exit');
  await exited;

  const [file] = readdirSync(dir);
  const profile = JSON.parse(readFileSync(path.join(dir, file!), 'utf8')) as CpuProfile;
  const [whileIdle, whileBusy] = summarizeCpuProfile(profile, [
    { name: 'idle', windows: [idle] },
    { name: 'busy', windows: [busy] },
  ]);
  expect(whileBusy!.busyShare).toBeGreaterThan(0.6);
  expect(whileIdle!.busyShare).toBeLessThan(0.1);
});
