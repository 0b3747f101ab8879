// Starts the floor server (main.ts) as a child process and reads the tenant it provisioned.
import { createInterface } from 'node:readline';
import path from 'node:path';
import { spawnManaged } from '../../lib/processes';
import { rssOf, withPeakRss } from '../process-memory';

export interface FloorServer {
  baseUrl: string;
  appId: string;
  secret: string;
  merchantId: string;
  paymentId: string;
  rss(): number;
  measurePeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

export async function startFloorServer(options: { databaseUrl: string }): Promise<FloorServer> {
  const child = spawnManaged(process.execPath, ['--import', 'tsx', 'scripts/bench/floor/main.ts', options.databaseUrl], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    void exited.then(() => reject(new Error(`floor server exited (code ${child.exitCode}) before it was ready`)));
  });
  const ready = JSON.parse(firstLine) as Pick<FloorServer, 'baseUrl' | 'appId' | 'secret' | 'merchantId' | 'paymentId'>;
  const own = () => [child.pid!];
  return {
    ...ready,
    rss: () => rssOf(own()),
    measurePeakRss: (work) => withPeakRss(own, work),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
