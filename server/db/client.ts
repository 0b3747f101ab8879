import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '@/server/config/env';
import { PrismaClient } from './generated/client';

export type { PrismaClient };
export type Db = PrismaClient;
/** A transaction client, as passed to `db().$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// One client per process. Kept on globalThis because Next's dev server re-evaluates modules on
// every edit, which would otherwise open a new connection pool each time.
const holder = globalThis as unknown as { paycenterDb?: PrismaClient };

let chosenUrl: string | undefined;

/**
 * Launchers that start the embedded PostgreSQL call this before first use; everything else uses
 * DATABASE_URL.
 */
export function connectDatabase(url: string): void {
  if (holder.paycenterDb) throw new Error('connectDatabase() must be called before the first db() call');
  chosenUrl = url;
}

/** The database every connection of this process opens: the launcher's choice, else DATABASE_URL. */
export function databaseUrl(): string {
  const url = chosenUrl ?? env().DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start PayCenter with `npm run dev` or `npm start` (they boot the embedded PostgreSQL), or set DATABASE_URL.',
    );
  }
  return url;
}

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: env().PAYCENTER_DB_POOL_SIZE });
  return new PrismaClient({ adapter });
}

/** The process-wide Prisma client, created on first use. */
export function db(): PrismaClient {
  holder.paycenterDb ??= createClient();
  return holder.paycenterDb;
}
