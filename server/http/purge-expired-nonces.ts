import { db } from '@/server/db/client';

/**
 * How long a used nonce is kept. Once its request's timestamp is out of the tolerance window, a
 * replay is refused by the timestamp alone; a request may be dated up to 300 s ahead, so a nonce
 * must outlive twice the tolerance. 15 minutes leaves a margin for clock skew between instances.
 */
export const NONCE_RETENTION_SECONDS = 15 * 60;

/** Deletes the nonces that no request with an accepted timestamp can reuse any more. */
export async function purgeExpiredNonces(options: { now: Date }): Promise<{ deleted: number }> {
  const cutoff = new Date(options.now.getTime() - NONCE_RETENTION_SECONDS * 1000);
  const { count } = await db().apiNonce.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return { deleted: count };
}
