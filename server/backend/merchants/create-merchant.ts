import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { newId } from '@/server/lib/ids';
import { assertCan } from '@/server/backend/access/permissions';
import { targetCompany } from '@/server/backend/access/target-company';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';

export const merchantFields = z.object({
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().max(500).optional().transform((v) => v || null),
});

export const createMerchantInput = merchantFields.extend({ companyId: z.string().max(64).optional() });

/** Opens a merchant account; its id is the merchantId apps send with every payment. */
export async function createMerchant(options: { actor: Actor; input: z.infer<typeof createMerchantInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'merchant.manage');
  const companyId = targetCompany(options.actor, options.input.companyId);
  const id = newId('mch');
  return db().$transaction(async (tx) => {
    const company = await tx.propertyCompany.findUnique({ where: { id: companyId } });
    if (!company) throw AppError.invalidFields({ companyId: 'no such property company' });
    const merchant = await tx.merchant.create({
      data: { id, companyId, name: options.input.name, description: options.input.description },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'merchant.create',
      target: { type: 'Merchant', id, companyId },
      summary: { after: { name: merchant.name, description: merchant.description } },
      request: options.request,
    });
    return merchant;
  });
}
