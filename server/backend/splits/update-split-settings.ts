import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { findChannelInScope } from '@/server/backend/channels/find-channel';
import { splitsOf } from '@/server/core/splits/split-channel';

export const updateSplitSettingsInput = z.strictObject({
  paymentId: z.string().max(64),
  splitEnabled: z.boolean(),
  /** Basis points of a payment's amount (3000 = 30 %, WeChat Pay's default ceiling). */
  maxSplitRatioBps: z.number().int().min(1).max(10_000).optional(),
});

/** The highest maxSplitRatio a channel takes: WeChat Pay's default ceiling is 30 % (raising it is asked of WeChat Pay, not set here). */
export function splitRatioCeilingBps(channel: Channel): number {
  return channel === 'WECHATPAY' ? 3000 : 10_000;
}

/** Enables or disables splitting on a payment channel and sets its ceiling; a channel without splitting is 422 SPLIT_NOT_SUPPORTED. */
export async function updateSplitSettings(options: { actor: Actor; input: z.infer<typeof updateSplitSettingsInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'merchant.manage');
  const { paymentId, splitEnabled, maxSplitRatioBps } = options.input;
  return db().$transaction(async (tx) => {
    const before = await findChannelInScope(options.actor, paymentId, tx);
    if (splitEnabled) splitsOf({ ...before, splitEnabled });
    const ceiling = splitRatioCeilingBps(before.channel);
    if ((maxSplitRatioBps ?? before.maxSplitRatioBps) > ceiling) throw AppError.invalidFields({ maxSplitRatioBps: `at most ${ceiling} for ${before.channel}` });
    const after = await tx.paymentChannel.update({ where: { id: paymentId }, data: { splitEnabled, ...(maxSplitRatioBps ? { maxSplitRatioBps } : {}) } });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'channel.update-split-settings',
      target: { type: 'PaymentChannel', id: paymentId, companyId: before.companyId },
      summary: {
        before: { splitEnabled: before.splitEnabled, maxSplitRatioBps: before.maxSplitRatioBps },
        after: { splitEnabled: after.splitEnabled, maxSplitRatioBps: after.maxSplitRatioBps },
      },
      request: options.request,
    });
    return { paymentId, splitEnabled: after.splitEnabled, maxSplitRatioBps: after.maxSplitRatioBps };
  });
}
