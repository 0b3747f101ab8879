// The release step of a deployment (docs/deploy.md): validates the configuration, applies pending
// migrations to DATABASE_URL and creates the first platform admin, then exits. It runs once per
// deploy, before the new version's instances start, so N instances never race to migrate and each
// starts serving at once. The Docker image ships it bundled as release/release.mjs.
import { databaseUrl, db } from '@/server/db/client';
import { exitOnInvalidConfig, prepareDatabase } from './lib/prepare-database';

exitOnInvalidConfig();

try {
  // No embedded PostgreSQL here: a deployment names its database.
  await prepareDatabase({ databaseUrl: databaseUrl() });
  await db().$disconnect();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
