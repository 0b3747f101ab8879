// `npm run dev`: database (embedded unless DATABASE_URL), migrations, demo tenant, Next on :3000.
// The background jobs run inside the Next server (server/jobs); with INNGEST_DEV=1 the Inngest dev
// server runs them instead, started alongside when it can be obtained.
import { applyMigrations } from '@/prisma/migrate/apply-migrations';
import { ConfigError, env } from '@/server/config/env';
import { connectDatabase } from '@/server/db/client';
import { resolveDatabase } from '@/server/db/resolve-database';
import { seedDemo } from '@/server/backend/demo/seed-demo';
import { wireSandbox } from '@/server/sandbox/provisioning/wire-sandbox';
import { startInngestDev } from './lib/inngest-dev';
import { onShutdown, serveEntry, spawnManaged } from './lib/processes';

process.env.NEXT_TELEMETRY_DISABLED = '1';

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const appUrl = `http://localhost:${port}`;
  // Notify URLs, QR codes and demo.json point at this server unless told otherwise.
  process.env.PAYCENTER_BASE_URL ??= appUrl;
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const database = await resolveDatabase();
  const stopInngest: Array<() => void> = [];
  const shutdown = onShutdown(async () => {
    stopInngest.forEach((stop) => stop());
    await database.stop();
  });
  connectDatabase(database.url);

  const applied = await applyMigrations({ databaseUrl: database.url });
  console.log(applied.length ? `[paycenter] applied migrations: ${applied.join(', ')}` : '[paycenter] database is up to date');
  wireSandbox();
  const demo = await seedDemo();

  const withInngest = Boolean(process.env.INNGEST_DEV);
  const inngestEnv = withInngest ? { INNGEST_BASE_URL: process.env.INNGEST_BASE_URL ?? 'http://127.0.0.1:8288' } : {};
  const next = spawnManaged(process.execPath, [...serveEntry('development'), '--dev', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: database.url, ...inngestEnv },
  });
  next.on('exit', (code) => void shutdown(code ?? 0));

  console.log(
    [
      '',
      `  PayCenter dashboard   ${appUrl}`,
      `  Database              ${database.embedded ? `embedded PostgreSQL (${config.dataDir}/postgres)` : 'DATABASE_URL'}`,
      `  Demo credentials      ${demo.file}`,
      `  Sandbox channels      ${config.PAYCENTER_SANDBOX ? 'on' : 'off'}`,
      `  Background jobs       ${withInngest ? 'Inngest dev server' : 'in-process (INNGEST_DEV=1 npm run dev for the Inngest dev server)'}`,
      '',
    ].join('\n'),
  );

  if (!withInngest) return;
  void startInngestDev(appUrl, (stop) => stopInngest.push(stop)).then((url) => {
    if (url) console.log(`  Inngest dev server    ${url}`);
  });
}

await main();
