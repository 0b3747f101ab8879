// Starts one PostgreSQL for the integration run (embedded, or the server of DATABASE_URL) and
// builds a migrated template database; each test file then clones its own fresh database.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '@/prisma/migrate/apply-migrations';
import { freePort, startEmbeddedPostgres } from '@/server/db/embedded';
import { createDatabase, dropDatabase, withDatabase } from './database-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL;
  let stopCluster = async () => undefined as void;
  let adminUrl: string;
  if (given) {
    adminUrl = withDatabase(given, 'postgres');
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'paycenter-test-pg-'));
    // As root, postgres runs as its own user, which must be able to enter the directory.
    await chmod(dataDir, 0o755);
    const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    adminUrl = cluster.adminUrl;
    stopCluster = async () => {
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  const template = `paycenter_tpl_${process.pid}_${Date.now()}`;
  await createDatabase(adminUrl, template);
  await applyMigrations({ databaseUrl: withDatabase(adminUrl, template) });
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    await dropDatabase(adminUrl, template);
    await stopCluster();
  };
}
