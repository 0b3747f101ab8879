import type { Tx } from '@/server/db/client';
import { boundedCache } from '@/server/lib/bounded-cache';
import { newId, randomBase62 } from '@/server/lib/ids';
import { open, seal } from '@/server/security/secret-box';

/** AAD for sealing: a secret only opens as the secret of that app and row. */
const aad = (appId: string, secretId: string) => `AppSecret:${appId}:${secretId}`;

/** A new API secret (`pcs_` + 40 base62, ~238 bits), sealed; the plaintext is returned once. */
export async function issueAppSecret(tx: Tx, appId: string): Promise<{ id: string; secret: string; hint: string }> {
  const id = newId('sec');
  const secret = `pcs_${randomBase62(40)}`;
  const hint = secret.slice(0, 8);
  await tx.appSecret.create({ data: { id, appId, sealed: seal(secret, aad(appId, id)), hint } });
  return { id, secret, hint };
}

// Every signed request and webhook opens its app's secrets: kept opened per secret row, opened
// again if the row's sealed value is not the one they came from (re-sealed under a new master key).
const opened = boundedCache<string>({ maxEntries: 10_000 });

/** The plaintext of an app's secret, to sign webhooks and check its requests with. */
export function openAppSecret(row: { id: string; appId: string; sealed: string }): string {
  return opened.get(row.id, `${row.appId}:${row.sealed}`, () => open(row.sealed, aad(row.appId, row.id)));
}
