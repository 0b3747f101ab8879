import { z } from 'zod';
import { db } from '@/server/db/client';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { findMerchantInScope } from './find-merchant';

export const setMerchantStatusInput = z.object({ merchantId: z.string().max(64), status: z.enum(['ACTIVE', 'DISABLED']) });

/** A disabled merchant takes no new payments (MERCHANT_DISABLED); nothing else changes. */
export async function setMerchantStatus(options: { actor: Actor; input: z.infer<typeof setMerchantStatusInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'merchant.manage');
  const { merchantId, status } = options.input;
  return db().$transaction(async (tx) => {
    const before = await findMerchantInScope(options.actor, merchantId, tx);
    if (before.status === status) return before;
    const after = await tx.merchant.update({ where: { id: merchantId }, data: { status } });
    await recordAudit(tx, {
      actor: options.actor,
      action: status === 'DISABLED' ? 'merchant.disable' : 'merchant.enable',
      target: { type: 'Merchant', id: merchantId, companyId: before.companyId },
      summary: { before: { status: before.status }, after: { status } },
      request: options.request,
    });
    return after;
  });
}
