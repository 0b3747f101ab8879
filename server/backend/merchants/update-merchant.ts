import { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { auditedUpdate } from '@/server/backend/audit/audited-update';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { merchantFields } from './create-merchant';
import { findMerchantInScope } from './find-merchant';

export const updateMerchantInput = merchantFields.extend({ merchantId: z.string().max(64) });

export async function updateMerchant(options: { actor: Actor; input: z.infer<typeof updateMerchantInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'merchant.manage');
  const { merchantId, ...fields } = options.input;
  return auditedUpdate({
    actor: options.actor,
    request: options.request,
    find: (tx) => findMerchantInScope(options.actor, merchantId, tx),
    data: fields,
    write: (tx) => tx.merchant.updateMany({ where: { id: merchantId }, data: fields }),
    action: 'merchant.update',
    target: (before) => ({ type: 'Merchant', id: merchantId, companyId: before.companyId }),
  });
}
