import { z } from 'zod';
import { db } from '@/server/db/client';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { assertMethodsSupported, invokeMethodsInput } from './activate-channel';
import { channelView } from './channel-view';
import { findChannelInScope } from './find-channel';

export const updateChannelSettingsInput = z.object({
  paymentId: z.string().max(64),
  invokeMethods: invokeMethodsInput.optional(),
  status: z.enum(['ENABLED', 'DISABLED']).optional(),
});

/** Enables or disables a channel and changes its invoke methods; a disabled channel takes no new payments. */
export async function updateChannelSettings(options: { actor: Actor; input: z.infer<typeof updateChannelSettingsInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'merchant.manage');
  const { paymentId, status } = options.input;
  const invokeMethods = options.input.invokeMethods && [...new Set(options.input.invokeMethods)];
  const row = await db().$transaction(async (tx) => {
    const before = await findChannelInScope(options.actor, paymentId, tx);
    if (invokeMethods) assertMethodsSupported(before.channel, invokeMethods);
    const after = await tx.paymentChannel.update({
      where: { id: paymentId },
      data: { ...(invokeMethods ? { invokeMethods } : {}), ...(status ? { status } : {}) },
      include: { trusted: true },
    });
    const action = status && status !== before.status ? (status === 'DISABLED' ? 'channel.disable' : 'channel.enable') : 'channel.update-settings';
    await recordAudit(tx, {
      actor: options.actor,
      action,
      target: { type: 'PaymentChannel', id: paymentId, companyId: before.companyId },
      summary: {
        before: { invokeMethods: before.invokeMethods, status: before.status },
        after: { invokeMethods: after.invokeMethods, status: after.status },
      },
      request: options.request,
    });
    return after;
  });
  return channelView(row);
}
