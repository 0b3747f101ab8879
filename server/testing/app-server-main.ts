// Runs the test app server as its own process (`npx tsx server/testing/app-server-main.ts` with
// DATABASE_URL, PORT and PAYCENTER_BASE_URL set), so tests can run several server instances
// against one database. Prints `listening <baseUrl>` once ready. With `--jobs` it also runs the
// background jobs, as a real server process does (server/jobs/start-jobs.ts).
import { db } from '@/server/db/client';
import { startJobs, stopJobs } from '@/server/jobs/start-jobs';
import { startAppServer } from './app-server';

const server = await startAppServer({ port: Number(process.env.PORT ?? 0) });
if (process.argv.includes('--jobs')) startJobs();
process.stdout.write(`listening ${server.baseUrl}\n`);

async function stop(): Promise<void> {
  await stopJobs();
  await server.close();
  await db().$disconnect();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
