// Runs the test app server as its own process (`npx tsx server/testing/app-server-main.ts` with
// DATABASE_URL, PORT and PAYCENTER_BASE_URL set), so tests can run several server instances
// against one database. Prints `listening <baseUrl>` once ready.
import { db } from '@/server/db/client';
import { startAppServer } from './app-server';

const server = await startAppServer({ port: Number(process.env.PORT ?? 0) });
process.stdout.write(`listening ${server.baseUrl}\n`);

async function stop(): Promise<void> {
  await server.close();
  await db().$disconnect();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
