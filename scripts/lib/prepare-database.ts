// What every start of a release does before serving, shared by `npm start` and the Docker image's
// release step (scripts/release.ts): a configuration that names what is wrong, the schema, an admin.
import { applyMigrations } from '@/prisma/migrate/apply-migrations';
import { ensurePlatformAdmin } from '@/server/backend/users/ensure-platform-admin';
import { ConfigError, env } from '@/server/config/env';

/** Stops the process with the list of invalid variables, rather than a stack trace. */
export function exitOnInvalidConfig(): void {
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Applies pending migrations, then creates the first platform admin if there is none. */
export async function prepareDatabase(options: { databaseUrl: string }): Promise<void> {
  const applied = await applyMigrations({ databaseUrl: options.databaseUrl });
  if (applied.length) console.log(`[paycenter] applied migrations: ${applied.join(', ')}`);
  const admin = await ensurePlatformAdmin();
  if (admin) console.log(`[paycenter] created platform admin ${admin.email}; credentials in ${env().dataDir}/demo.json`);
}
