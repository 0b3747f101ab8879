// For tests: the app server in a separate process (server/testing/app-server-main.ts), a second
// PayCenter instance sharing this test file's database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface SpawnedAppServer {
  baseUrl: string;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL: no cleanup, as in a crash) and waits until it is gone. */
  crash(): Promise<void>;
}

/**
 * Starts an instance on `port` with this process's environment (so the same DATABASE_URL and
 * PAYCENTER_BASE_URL) overridden by `env`, and waits until it listens. With `jobs` it runs the
 * background jobs too, with the engine the environment selects.
 */
export async function spawnAppServer(options: { port: number; env?: Record<string, string>; jobs?: boolean }): Promise<SpawnedAppServer> {
  const args = ['--import', 'tsx', 'server/testing/app-server-main.ts', ...(options.jobs ? ['--jobs'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(options.port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  // Keeps reading stdout (the server's logs) after the first line so the pipe never fills.
  const lines = createInterface({ input: child.stdout });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app server did not start within 60 s\n${stderr}`)), 60_000);
    lines.on('line', (line) => {
      const listening = /^listening (\S+)$/.exec(line);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`app server exited with code ${child.exitCode}\n${stderr}`));
    });
  });
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    crash: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
