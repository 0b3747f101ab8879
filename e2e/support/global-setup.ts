// Starts a production PayCenter server on a fresh database for the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '@/prisma/migrate/apply-migrations';
import { freePort, startEmbeddedPostgres } from '@/server/db/embedded';
import { createDatabase, dropDatabase, withDatabase } from '@/server/testing/database-admin';
import { serveEntry } from '@/scripts/lib/processes';
import { ensureFreshBuild } from './build';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    admin: { email: string; password: string };
    artifactsDir: string;
    /** Lets tests mint session tokens (e.g. an expired one) exactly as the server would. */
    nextAuthSecret: string;
    /** The demo tenant's `.data/demo.json` (api-contract.md), seeded as `npm run seed:demo` does. */
    demo: {
      appId: string;
      appSecret: string;
      merchantId: string;
      paymentIds: Record<'ALIPAY' | 'ALIPAY_CERT' | 'WECHATPAY' | 'WECHATPAY_PLATFORM_CERT' | 'EASYPAY', string>;
      /** The demo company's administrator (finance staff of the demo tenant). */
      companyAdmin: { email: string; password: string };
    };
    /** The server's database, for checks no API answers (a QR code's stored content) and for moving time (expiry). */
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
type ProvidedContextDemo = import('vitest').ProvidedContext['demo'];

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}; see test-results/e2e/server.log`);
    try {
      if ((await fetch(`${url}/login`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not start within 60 s');
}

export default async function setup(project: TestProject) {
  ensureFreshBuild(root);
  const artifactsDir = path.join(root, 'test-results', 'e2e');
  await mkdir(artifactsDir, { recursive: true });

  const scratch = await mkdtemp(path.join(os.tmpdir(), 'paycenter-e2e-'));
  // As root, postgres runs as its own user, which must be able to enter the directory.
  await chmod(scratch, 0o755);
  let stopCluster = async () => undefined as void;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const cluster = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: await freePort(), persistent: false });
    adminUrl = cluster.adminUrl;
    stopCluster = () => cluster.stop();
  }
  const database = `paycenter_e2e_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, database);
  const databaseUrl = withDatabase(adminUrl, database);
  await applyMigrations({ databaseUrl });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = { email: 'e2e-admin@paycenter.test', password: randomBytes(12).toString('base64url') };
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    PAYCENTER_DATA_DIR: path.join(scratch, 'data'),
    PAYCENTER_MASTER_KEY: randomBytes(32).toString('base64'),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    NEXTAUTH_URL: baseUrl,
    PAYCENTER_BASE_URL: baseUrl,
    PAYCENTER_SANDBOX: 'true',
    // The tests' webhook receivers listen on loopback, as an app on the center's LAN would.
    PAYCENTER_WEBHOOK_PRIVATE_TARGETS: 'true',
    PAYCENTER_ADMIN_EMAIL: admin.email,
    PAYCENTER_ADMIN_PASSWORD: admin.password,
    LOG_LEVEL: 'info',
  };
  // The same bootstrap `npm start` runs, through the production launcher's code path.
  const bootstrap = spawn(process.execPath, ['--import', 'tsx', 'scripts/bootstrap-admin.ts'], { cwd: root, env: serverEnv, stdio: 'inherit' });
  const code = await new Promise((resolve) => bootstrap.once('exit', resolve));
  if (code !== 0) throw new Error('admin bootstrap failed');
  const seed = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts'], { cwd: root, env: serverEnv, stdio: 'inherit' });
  if ((await new Promise((resolve) => seed.once('exit', resolve))) !== 0) throw new Error('demo seed failed');
  const demo = JSON.parse(await readFile(path.join(serverEnv.PAYCENTER_DATA_DIR!, 'demo.json'), 'utf8')) as ProvidedContextDemo;

  const log = createWriteStream(path.join(artifactsDir, 'server.log'));
  // PayCenter's own HTTP entry, as `npm start` and the Docker image serve the build.
  const server = spawn(process.execPath, [...serveEntry('production'), '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  await waitForServer(baseUrl, server);

  project.provide('baseUrl', baseUrl);
  project.provide('admin', admin);
  project.provide('artifactsDir', artifactsDir);
  project.provide('nextAuthSecret', serverEnv.NEXTAUTH_SECRET!);
  project.provide('demo', demo);
  project.provide('databaseUrl', databaseUrl);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    await dropDatabase(adminUrl, database);
    await stopCluster();
    await rm(scratch, { recursive: true, force: true });
  };
}
