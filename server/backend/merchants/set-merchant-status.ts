import { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { auditedUpdate } from '@/server/backend/audit/audited-update';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { findMerchantInScope } from './find-merchant';

export const setMerchantStatusInput = z.object({ merchantId: z.string().max(64), status: z.enum(['ACTIVE', 'DISABLED']) });

/** A disabled merchant takes no new payments (MERCHANT_DISABLED); nothing else changes. */
export async function setMerchantStatus(options: { actor: Actor; input: z.infer<typeof setMerchantStatusInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'merchant.manage');
  const { merchantId, status } = options.input;
  return auditedUpdate({
    actor: options.actor,
    request: options.request,
    find: (tx) => findMerchantInScope(options.actor, merchantId, tx),
    data: { status },
    unchanged: (before) => before.status === status,
    write: (tx, before) => tx.merchant.updateMany({ where: { id: merchantId, status: before.status }, data: { status } }),
    action: status === 'DISABLED' ? 'merchant.disable' : 'merchant.enable',
    target: (before) => ({ type: 'Merchant', id: merchantId, companyId: before.companyId }),
  });
}
