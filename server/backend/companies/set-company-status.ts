import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';

export const setCompanyStatusInput = z.object({ companyId: z.string().max(64), status: z.enum(['ACTIVE', 'SUSPENDED']) });

/**
 * Suspending stops new payments for every merchant of the company (MERCHANT_DISABLED) and keeps
 * everything else: merchants, channels, payments and refunds stay as they are.
 */
export async function setCompanyStatus(options: { actor: Actor; input: z.infer<typeof setCompanyStatusInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'company.manage');
  const { companyId, status } = options.input;
  return db().$transaction(async (tx) => {
    const before = await tx.propertyCompany.findUnique({ where: { id: companyId } });
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === status) return before;
    const after = await tx.propertyCompany.update({ where: { id: companyId }, data: { status } });
    await recordAudit(tx, {
      actor: options.actor,
      action: status === 'SUSPENDED' ? 'company.suspend' : 'company.reactivate',
      target: { type: 'PropertyCompany', id: companyId, companyId },
      summary: { before: { status: before.status }, after: { status } },
      request: options.request,
    });
    return after;
  });
}
