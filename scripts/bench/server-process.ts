// Starts scripts/bench/server-main.ts as a child process (node --expose-gc, IPC) and asks it for its
// memory: heap after a full GC, RSS, and the peak RSS over a window.
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnManaged } from '../lib/processes';

export type ProbeRequest = { type: 'memory' } | { type: 'peak-start' } | { type: 'peak-stop' } | { type: 'stop' };
export type ProbeReply =
  | { type: 'ready'; baseUrl: string }
  | { type: 'memory'; heapUsed: number; rss: number }
  | { type: 'peak-started' }
  | { type: 'peak'; peakRss: number };

export interface BenchServer {
  baseUrl: string;
  /** heapUsed after global.gc() and RSS, in bytes. */
  memory(): Promise<{ heapUsed: number; rss: number }>;
  /** Runs `work` and answers its result with the server's peak RSS meanwhile. */
  measurePeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }>;
  /** The end of the server's log (for a failure report). */
  logTail(): string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** The child's next reply of `type`; fails if the child exits first. */
function reply<T extends ProbeReply['type']>(child: ChildProcess, type: T, logTail: () => string): Promise<Extract<ProbeReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`bench server sent no ${type} within ${START_TIMEOUT_MS / 1000} s\n${logTail()}`)), START_TIMEOUT_MS);
    const onMessage = (message: ProbeReply) => {
      if (message.type === type) done(null, message as Extract<ProbeReply, { type: T }>);
    };
    const onExit = (code: number | null) => done(new Error(`bench server exited (code ${code})\n${logTail()}`));
    function done(error: Error | null, message?: Extract<ProbeReply, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage).once('exit', onExit);
  });
}

/** `env` overrides this process's environment (DATABASE_URL, PAYCENTER_BASE_URL, ...); its log goes to `logFile`. */
export async function startBenchServer(options: { port: number; env: Record<string, string>; logFile: string }): Promise<BenchServer> {
  const log = openSync(options.logFile, 'a');
  const child = spawnManaged(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench/server-main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  // A child that died (Ctrl-C reaches the whole process group) closes the channel; sending then emits this.
  child.on('error', () => undefined);
  const logTail = () => readFileSync(options.logFile, 'utf8').slice(-4000);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ask = <T extends ProbeReply['type']>(request: ProbeRequest, type: T) => {
    const answer = reply(child, type, logTail);
    child.send(request);
    return answer;
  };
  const { baseUrl } = await reply(child, 'ready', logTail);
  return {
    baseUrl,
    memory: async () => {
      const { heapUsed, rss } = await ask({ type: 'memory' }, 'memory');
      return { heapUsed, rss };
    },
    measurePeakRss: async (work) => {
      await ask({ type: 'peak-start' }, 'peak-started');
      const result = await work();
      const { peakRss } = await ask({ type: 'peak-stop' }, 'peak');
      return { result, peakRss };
    },
    logTail,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) return;
      child.send({ type: 'stop' } satisfies ProbeRequest);
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(killer);
    },
  };
}
