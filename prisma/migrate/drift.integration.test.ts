// The migrations in prisma/migrations must build exactly the database that prisma/schema.prisma
// describes, and be recorded as `prisma migrate deploy` records them. Fails when someone edits
// schema.prisma without `npm run db:migration -- <name>`.
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, chmod, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres } from '@/server/db/embedded';
import { createDatabase, dropDatabase, withDatabase } from '@/server/testing/database-admin';
import { applyMigrations } from './apply-migrations';
import { diffDatabaseToSchema } from './diff-schema';
import { MIGRATIONS_DIR } from './migrations-dir';

let adminUrl: string;
let databaseUrl: string;
const database = `paycenter_drift_${randomBytes(6).toString('hex')}`;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'paycenter-drift-'));
    // mkdtemp makes it 0700; as root, initdb runs as the `postgres` user and must get in.
    await chmod(dataDir, 0o755);
    const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    adminUrl = cluster.adminUrl;
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => cluster.stop());
  }
  await createDatabase(adminUrl, database);
  cleanups.push(() => dropDatabase(adminUrl, database));
  databaseUrl = withDatabase(adminUrl, database);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function migrationsOnDisk(): Promise<Array<{ name: string; checksum: string }>> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash('sha256').update(await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'))).digest('hex'),
    })),
  );
}

describe('prisma/migrations', () => {
  it('apply to an empty database and are recorded in _prisma_migrations', async () => {
    const onDisk = await migrationsOnDisk();
    expect(onDisk.length).toBeGreaterThan(0);

    expect(await applyMigrations({ databaseUrl })).toEqual(onDisk.map((m) => m.name));

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT migration_name AS name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows).toEqual(
        onDisk.map((m) => ({ ...m, finished_at: expect.any(Date), rolled_back_at: null, applied_steps_count: 1 })),
      );
    } finally {
      await client.end();
    }
  });

  it('build exactly the database that schema.prisma describes', async () => {
    const sql = await diffDatabaseToSchema({ databaseUrl });
    expect(sql, 'schema.prisma differs from the migrations: run `npm run db:migration -- <name>`').toBe('');
  });

  it('apply nothing the second time', async () => {
    expect(await applyMigrations({ databaseUrl })).toEqual([]);
  });

  it('are refused once applied and then edited', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'paycenter-migrations-'));
    try {
      await cp(MIGRATIONS_DIR, copy, { recursive: true });
      const [first] = await migrationsOnDisk();
      await appendFile(path.join(copy, first!.name, 'migration.sql'), '\n-- edited after it was applied\n');
      await expect(applyMigrations({ databaseUrl, migrationsDir: copy })).rejects.toThrow(
        `Migrations edited after they were applied to this database: ${first!.name}`,
      );
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
