import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { companyFields } from './company-input';

export const updateCompanyInput = companyFields.extend({ companyId: z.string().max(64) });

export async function updateCompany(options: { actor: Actor; input: z.infer<typeof updateCompanyInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'company.manage');
  const { companyId, ...fields } = options.input;
  return db().$transaction(async (tx) => {
    const before = await tx.propertyCompany.findUnique({ where: { id: companyId } });
    if (!before) throw new AppError('NOT_FOUND');
    const after = await tx.propertyCompany.update({ where: { id: companyId }, data: fields });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'company.update',
      target: { type: 'PropertyCompany', id: companyId, companyId },
      summary: {
        before: { name: before.name, contactName: before.contactName, contactPhone: before.contactPhone },
        after: fields,
      },
      request: options.request,
    });
    return after;
  });
}
