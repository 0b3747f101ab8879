// PayCenter as users run it: scripts/start.ts (what `npm start` runs) with NODE_ENV=production, which
// checks the configuration, migrates and spawns the server (scripts/serve.ts) on the production build. Its memory is
// read from /proc: the serving process is the one below the launcher.
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnManaged } from '../lib/processes';
import { descendantsOf, rssOf, withPeakRss } from './process-memory';

export interface ProductionServer {
  baseUrl: string;
  /** RSS of the serving processes (scripts/serve.ts and anything it spawned), in bytes. */
  rss(): number;
  /** Runs `work` and answers its result with the serving processes' peak RSS meanwhile. */
  measurePeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }>;
  /** The end of the server's log (for a failure report). */
  logTail(): string;
  stop(): Promise<void>;
  /** Stops it and answers the path of the CPU profile it wrote (started with `cpuProfileDir` only). */
  stopWithProfile(): Promise<string>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
// Node writes the profile as the server exits: tens of MB of JSON after minutes of load.
const PROFILED_STOP_TIMEOUT_MS = 60_000;

/**
 * `env` is added to this process's environment (DATABASE_URL, secrets, sandbox on, ...); the server's output goes to `logFile`.
 * With `cpuProfileDir`, the server runs under `node --cpu-prof` and writes its profile there when stopped.
 */
export async function startProductionServer(options: { port: number; env: Record<string, string>; logFile: string; cpuProfileDir?: string }): Promise<ProductionServer> {
  const { cpuProfileDir } = options;
  const log = openSync(options.logFile, 'a');
  const launcher = spawnManaged(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, ...(cpuProfileDir ? { PAYCENTER_CPU_PROF_DIR: cpuProfileDir } : {}), NODE_ENV: 'production', PORT: String(options.port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const logTail = () => readFileSync(options.logFile, 'utf8').slice(-4000);
  const exited = new Promise<void>((resolve) => launcher.once('exit', () => resolve()));
  const serving = () => descendantsOf(launcher.pid!);

  // Up once /api/health answers at all (503 only says a scheduled job is overdue, which a fresh database may be).
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (launcher.exitCode !== null || launcher.signalCode !== null) throw new Error(`production server exited (code ${launcher.exitCode})\n${logTail()}`);
    if (await fetch(`${baseUrl}/api/health`).then(() => true, () => false)) break;
    if (Date.now() > deadline) throw new Error(`production server not answering within ${START_TIMEOUT_MS / 1000} s\n${logTail()}`);
    await sleep(250);
  }

  const stop = async () => {
    if (launcher.exitCode !== null || launcher.signalCode !== null) return;
    const tree = serving();
    launcher.kill('SIGTERM');
    const killer = setTimeout(
      () => {
        for (const pid of [launcher.pid!, ...tree]) process.kill(pid, 'SIGKILL');
      },
      cpuProfileDir ? PROFILED_STOP_TIMEOUT_MS : STOP_TIMEOUT_MS,
    );
    await exited;
    clearTimeout(killer);
  };

  return {
    baseUrl,
    rss: () => rssOf(serving()),
    measurePeakRss: (work) => withPeakRss(serving, work),
    logTail,
    stop,
    stopWithProfile: async () => {
      if (!cpuProfileDir) throw new Error('this production server was not started with a cpuProfileDir');
      await stop();
      // The launcher exits after the server, which wrote its profile before exiting.
      const [profile, ...more] = existsSync(cpuProfileDir) ? readdirSync(cpuProfileDir).filter((file) => file.endsWith('.cpuprofile')) : [];
      if (!profile || more.length > 0) throw new Error(`expected one .cpuprofile in ${cpuProfileDir}, found ${more.length + (profile ? 1 : 0)}\n${logTail()}`);
      return path.join(cpuProfileDir, profile);
    },
  };
}
