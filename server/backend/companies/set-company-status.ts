import { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { auditedUpdate } from '@/server/backend/audit/audited-update';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { findCompany } from './find-company';

export const setCompanyStatusInput = z.object({ companyId: z.string().max(64), status: z.enum(['ACTIVE', 'SUSPENDED']) });

/**
 * Suspending stops new payments for every merchant of the company (MERCHANT_DISABLED) and keeps
 * everything else: merchants, channels, payments and refunds stay as they are.
 */
export async function setCompanyStatus(options: { actor: Actor; input: z.infer<typeof setCompanyStatusInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'company.manage');
  const { companyId, status } = options.input;
  return auditedUpdate({
    actor: options.actor,
    request: options.request,
    find: (tx) => findCompany(tx, companyId),
    data: { status },
    unchanged: (before) => before.status === status,
    write: (tx, before) => tx.propertyCompany.updateMany({ where: { id: companyId, status: before.status }, data: { status } }),
    action: status === 'SUSPENDED' ? 'company.suspend' : 'company.reactivate',
    target: () => ({ type: 'PropertyCompany', id: companyId, companyId }),
  });
}
