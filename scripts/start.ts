// `npm start`: production server. Validates the configuration first so a missing or malformed
// variable stops start-up with a message naming it, then migrates and serves the built app.
import { existsSync } from 'node:fs';
import { connectDatabase } from '@/server/db/client';
import { resolveDatabase } from '@/server/db/resolve-database';
import { onShutdown, SERVE_BUNDLE, serveEntry, spawnManaged } from './lib/processes';
import { exitOnInvalidConfig, prepareDatabase } from './lib/prepare-database';

process.env.NEXT_TELEMETRY_DISABLED = '1';

exitOnInvalidConfig();
if (!existsSync(SERVE_BUNDLE)) {
  console.error(`[paycenter] ${SERVE_BUNDLE} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const database = await resolveDatabase();
const shutdown = onShutdown(() => database.stop());
connectDatabase(database.url);
await prepareDatabase({ databaseUrl: database.url });

const port = process.env.PORT ?? '3000';
// On the command line, as Node 20 refuses --cpu-prof in NODE_OPTIONS; written when the server exits (SIGTERM included).
const cpuProfile = process.env.PAYCENTER_CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.PAYCENTER_CPU_PROF_DIR] : [];
const next = spawnManaged(process.execPath, [...cpuProfile, ...serveEntry('production'), '--port', port], { env: { ...process.env, DATABASE_URL: database.url } });
next.on('exit', (code) => void shutdown(code ?? 0));
