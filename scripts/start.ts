// `npm start`: production server. Validates the configuration first so a missing or malformed
// variable stops start-up with a message naming it, then migrates and serves the built app.
import { applyMigrations } from '@/prisma/migrate/apply-migrations';
import { ConfigError, env } from '@/server/config/env';
import { connectDatabase } from '@/server/db/client';
import { resolveDatabase } from '@/server/db/resolve-database';
import { ensurePlatformAdmin } from '@/server/backend/users/ensure-platform-admin';
import { nextBin, onShutdown, spawnManaged } from './lib/processes';

process.env.NEXT_TELEMETRY_DISABLED = '1';

try {
  env();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const database = await resolveDatabase();
const shutdown = onShutdown(() => database.stop());
connectDatabase(database.url);
await applyMigrations({ databaseUrl: database.url });
const admin = await ensurePlatformAdmin();
if (admin) console.log(`[paycenter] created platform admin ${admin.email}; credentials in ${env().dataDir}/demo.json`);

const port = process.env.PORT ?? '3000';
const next = spawnManaged(process.execPath, [nextBin, 'start', '--port', port], { env: { ...process.env, DATABASE_URL: database.url } });
next.on('exit', (code) => void shutdown(code ?? 0));
