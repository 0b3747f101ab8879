// For tests: this file's app server (every route, on PAYCENTER_BASE_URL's port) with the background
// jobs running in this process, as `next start` runs them when Inngest is not configured.
import { startAppServer } from '@/server/testing/app-server';
import { startJobs, stopJobs } from '../start-jobs';

export async function serverWithJobs(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = await startAppServer();
  const { engine } = startJobs();
  if (engine !== 'in-process') throw new Error(`these tests need the in-process engine, not ${engine}: unset INNGEST_*`);
  return {
    baseUrl: server.baseUrl,
    close: async () => {
      await stopJobs();
      await server.close();
    },
  };
}
