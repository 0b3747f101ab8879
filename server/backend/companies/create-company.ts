import type { z } from 'zod';
import { db } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { companyFields } from './company-input';

export const createCompanyInput = companyFields;

export async function createCompany(options: { actor: Actor; input: z.infer<typeof createCompanyInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'company.manage');
  const id = newId('co');
  return db().$transaction(async (tx) => {
    const company = await tx.propertyCompany.create({ data: { id, ...options.input } });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'company.create',
      target: { type: 'PropertyCompany', id, companyId: id },
      summary: { after: options.input },
      request: options.request,
    });
    return company;
  });
}
