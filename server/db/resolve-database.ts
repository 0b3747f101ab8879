// Which PostgreSQL a PayCenter process uses: DATABASE_URL when it is set, otherwise the database
// `paycenter` on the embedded cluster in $PAYCENTER_DATA_DIR/postgres (started here unless another
// process of this checkout is already running it).
import path from 'node:path';
import { env } from '@/server/config/env';
import { ensureDatabase, startEmbeddedPostgres } from './embedded';

export const EMBEDDED_DATABASE = 'paycenter';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded cluster if this call started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const config = env();
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };

  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'postgres'),
    port: config.PAYCENTER_EMBEDDED_PG_PORT,
  });
  try {
    await ensureDatabase(cluster.adminUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { url: cluster.urlFor(EMBEDDED_DATABASE), embedded: true, stop: () => cluster.stop() };
}
