import { z } from 'zod';
import { db } from '@/server/db/client';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { merchantFields } from './create-merchant';
import { findMerchantInScope } from './find-merchant';

export const updateMerchantInput = merchantFields.extend({ merchantId: z.string().max(64) });

export async function updateMerchant(options: { actor: Actor; input: z.infer<typeof updateMerchantInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'merchant.manage');
  const { merchantId, ...fields } = options.input;
  return db().$transaction(async (tx) => {
    const before = await findMerchantInScope(options.actor, merchantId, tx);
    const after = await tx.merchant.update({ where: { id: merchantId }, data: fields });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'merchant.update',
      target: { type: 'Merchant', id: merchantId, companyId: before.companyId },
      summary: { before: { name: before.name, description: before.description }, after: fields },
      request: options.request,
    });
    return after;
  });
}
