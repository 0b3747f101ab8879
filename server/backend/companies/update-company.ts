import { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { auditedUpdate } from '@/server/backend/audit/audited-update';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { companyFields } from './company-input';
import { findCompany } from './find-company';

export const updateCompanyInput = companyFields.extend({ companyId: z.string().max(64) });

export async function updateCompany(options: { actor: Actor; input: z.infer<typeof updateCompanyInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'company.manage');
  const { companyId, ...fields } = options.input;
  return auditedUpdate({
    actor: options.actor,
    request: options.request,
    find: (tx) => findCompany(tx, companyId),
    data: fields,
    write: (tx) => tx.propertyCompany.updateMany({ where: { id: companyId }, data: fields }),
    action: 'company.update',
    target: () => ({ type: 'PropertyCompany', id: companyId, companyId }),
  });
}
