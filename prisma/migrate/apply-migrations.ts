// `prisma migrate deploy` without the native engine: applies the migrations that the database has
// not recorded yet, and records them in `_prisma_migrations` exactly as Prisma does.
import { readMigrationsList } from './migrations-dir';
import { engineErrorMessage, NO_EXTERNAL_ENTITIES, withSchemaEngine } from './schema-engine';

/** Returns the names of the migrations applied now (empty when the database was up to date). */
export async function applyMigrations(options: { databaseUrl: string; migrationsDir?: string }): Promise<string[]> {
  const migrationsList = await readMigrationsList(options.migrationsDir);
  return withSchemaEngine(options.databaseUrl, async (engine) => {
    // Like `prisma migrate deploy`, the engine silently skips an applied migration whose file has
    // changed since, and the database would quietly differ from what the files say.
    const { editedMigrationNames } = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_EXTERNAL_ENTITIES,
    });
    if (editedMigrationNames.length > 0) {
      throw new Error(
        `Migrations edited after they were applied to this database: ${editedMigrationNames.join(', ')}. ` +
          'Restore their migration.sql and put the change in a new migration (npm run db:migration -- <name>).',
      );
    }
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_EXTERNAL_ENTITIES });
      return appliedMigrationNames;
    } catch (error) {
      // Through the driver adapter the engine's message does not name the failed migration; the
      // span trace it carries does.
      const failed = /apply_script\s+with migration_name="([^"]+)"/.exec(error instanceof Error ? error.message : '')?.[1];
      if (!failed) throw error;
      throw new Error(
        `Migration ${failed} failed: ${engineErrorMessage(error)}\n` +
          'It is recorded as failed in _prisma_migrations, which blocks later migrations until it is ' +
          'resolved: https://pris.ly/d/migrate-resolve',
        { cause: error },
      );
    }
  });
}
