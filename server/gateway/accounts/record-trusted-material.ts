import type { Tx } from '@/server/db/client';
import type { TrustedSource } from '@/server/db/generated/client';
import type { TrustedMaterial } from '@/server/gateway/credentials/trusted-material';
import { newId } from '@/server/lib/ids';

/** Adds to a channel's whitelist the material it does not trust yet (same fingerprint, not revoked). */
export async function recordTrustedMaterial(
  tx: Tx,
  channel: { id: string; companyId: string },
  material: TrustedMaterial[],
  source: TrustedSource,
): Promise<number> {
  let added = 0;
  for (const item of material) {
    const known = await tx.trustedCertificate.findFirst({
      where: { paymentChannelId: channel.id, fingerprint: item.fingerprint, revokedAt: null },
    });
    if (known) continue;
    await tx.trustedCertificate.create({
      data: { id: newId('crt'), paymentChannelId: channel.id, companyId: channel.companyId, source, ...item },
    });
    added++;
  }
  return added;
}
