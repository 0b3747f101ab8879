// The bench's own PostgreSQL database, migrated, dropped afterwards: on a fresh embedded cluster in a
// temporary directory, or (DATABASE_URL set, e.g. in CI) as a new database beside the given one.
// Never the developer's `.data` cluster or an existing database.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '@/prisma/migrate/apply-migrations';
import { freePort, startEmbeddedPostgres } from '@/server/db/embedded';
import { createDatabase, dropDatabase, withDatabase } from '@/server/testing/database-admin';

export interface ThrowawayDatabase {
  url: string;
  /** Where the bench's processes keep generated dev secrets (PAYCENTER_DATA_DIR). */
  dataDir: string;
  /** Whether it runs on a cluster started here (else on the server of DATABASE_URL). */
  embedded: boolean;
  drop(): Promise<void>;
}

export async function throwawayDatabase(options: { givenUrl?: string }): Promise<ThrowawayDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'paycenter-bench-'));
  // As root, postgres runs as its own user, which must be able to enter the directory.
  await chmod(dataDir, 0o755);
  let adminUrl = options.givenUrl ? withDatabase(options.givenUrl, 'postgres') : '';
  let stopCluster = async (): Promise<void> => undefined;
  const name = `paycenter_bench_${randomBytes(6).toString('hex')}`;
  let created = false;
  let dropped: Promise<void> | undefined;
  // Once, however often it is asked (the end of the run and Ctrl-C may both ask); each step even if the one before failed.
  const drop = () =>
    (dropped ??= (async () => {
      try {
        if (created) await dropDatabase(adminUrl, name);
      } finally {
        try {
          await stopCluster();
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      }
    })());
  try {
    if (!options.givenUrl) {
      const cluster = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: await freePort(), persistent: false });
      adminUrl = cluster.adminUrl;
      stopCluster = () => cluster.stop();
    }
    await createDatabase(adminUrl, name);
    created = true;
    await applyMigrations({ databaseUrl: withDatabase(adminUrl, name) });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: withDatabase(adminUrl, name), dataDir, embedded: !options.givenUrl, drop };
}
