import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { openCredentials, sealCredentials } from '@/server/gateway/accounts/sealed-credentials';
import { trustedMaterialOf } from '@/server/gateway/credentials/trusted-material';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { channelView } from './channel-view';
import { findChannelInScope } from './find-channel';
import { mergeCredentials } from './merge-credentials';
import { publicConfigOf } from './public-config';
import { recordTrustedMaterial } from '@/server/gateway/accounts/record-trusted-material';

export const updateChannelCredentialsInput = z.object({ paymentId: z.string().max(64), credentials: z.unknown() });

/**
 * Replace-only editing of a LIVE channel's parameters: secrets are never sent back to the browser,
 * so a field left empty keeps its stored value. New channel keys join the whitelist; old ones stay
 * until revoked, so callbacks signed during a key change still verify.
 */
export async function updateChannelCredentials(options: { actor: Actor; input: z.infer<typeof updateChannelCredentialsInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'merchant.manage');
  const { paymentId } = options.input;
  const current = await findChannelInScope(options.actor, paymentId);
  if (current.mode === 'SANDBOX') throw new AppError('CONFLICT', 'Sandbox channel keys are generated and cannot be edited.');
  const merged = mergeCredentials(current.channel, openCredentials(current), options.input.credentials);

  const row = await db().$transaction(async (tx) => {
    // Conditional on the version read, so two editors cannot silently overwrite each other.
    const updated = await tx.paymentChannel.updateMany({
      where: { id: paymentId, credentialsUpdatedAt: current.credentialsUpdatedAt },
      data: { credentialsSealed: sealCredentials(paymentId, merged), publicConfig: publicConfigOf(merged), credentialsUpdatedAt: new Date() },
    });
    if (updated.count !== 1) throw new AppError('CONFLICT', 'The channel was changed by someone else; reload and try again.');
    await recordTrustedMaterial(tx, current, trustedMaterialOf(merged.channel, merged), 'ACTIVATION');
    await recordAudit(tx, {
      actor: options.actor,
      action: 'channel.update-credentials',
      target: { type: 'PaymentChannel', id: paymentId, companyId: current.companyId },
      summary: { before: current.publicConfig, after: publicConfigOf(merged) },
      request: options.request,
    });
    return tx.paymentChannel.findUniqueOrThrow({ where: { id: paymentId }, include: { trusted: true } });
  });
  return channelView(row);
}
