// Runs before each integration test file: a fresh database cloned from the migrated template,
// exposed through DATABASE_URL so the app's own db() singleton uses it.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, inject } from 'vitest';
import { createDatabase, dropDatabase, withDatabase } from './database-admin';

const adminUrl = inject('pgAdminUrl');
const name = `paycenter_t_${randomBytes(6).toString('hex')}`;
await createDatabase(adminUrl, name, inject('pgTemplate'));
process.env.DATABASE_URL = withDatabase(adminUrl, name);

// The center's public base URL for this file: a free port that a test serving the app's routes
// listens on (server/testing/app-server.ts), so notify URLs and simulator endpoints reach it.
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
process.env.PAYCENTER_BASE_URL = `http://127.0.0.1:${port}`;

// Tests run in sandbox mode: channels activate against the simulators. Wired without reading env(),
// which a test may still configure before its first call (seed-demo sets PAYCENTER_DATA_DIR).
const { provideSandboxProvisioner } = await import('@/server/backend/channels/sandbox-provisioner');
const { simulatorProvisioner } = await import('@/server/sandbox/provisioning/sandbox-provisioner');
provideSandboxProvisioner(simulatorProvisioner);

afterAll(async () => {
  const { db } = await import('@/server/db/client');
  // Channel call statistics still waiting for their second go in before the database does.
  const { flushChannelCalls } = await import('@/server/observability/channel-call-minutes');
  await flushChannelCalls();
  await db().$disconnect();
  await dropDatabase(adminUrl, name);
});
