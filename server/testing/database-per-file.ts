// Runs before each integration test file: a fresh database cloned from the migrated template,
// exposed through DATABASE_URL so the app's own db() singleton uses it.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createDatabase, dropDatabase, withDatabase } from './database-admin';

const adminUrl = inject('pgAdminUrl');
const name = `paycenter_t_${randomBytes(6).toString('hex')}`;
await createDatabase(adminUrl, name, inject('pgTemplate'));
process.env.DATABASE_URL = withDatabase(adminUrl, name);

afterAll(async () => {
  const { db } = await import('@/server/db/client');
  await db().$disconnect();
  await dropDatabase(adminUrl, name);
});
