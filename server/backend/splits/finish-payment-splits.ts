import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { finishSplits } from '@/server/core/splits/finish-splits';

export const finishPaymentSplitsInput = z.object({ serialNo: z.string().trim().min(1).max(64) });

/**
 * "Finish splitting" from the dashboard: the role may, the payment is in the actor's company
 * (another company's is not found), then core releases what is left to the merchant exactly as for
 * the app's POST …/splits/finish. Audited once core has answered; a refusal changes nothing and is
 * shown to staff instead.
 */
export async function finishPaymentSplits(options: { actor: Actor; serialNo: string; request?: RequestMeta }) {
  const { actor, serialNo } = options;
  assertCan(actor, 'payment.finishSplits');
  const before = await db().payment.findFirst({ where: { serialNo, ...companyFilter(actor) }, select: { appId: true, companyId: true, splitFinishRequestedAt: true, splitFinishedAt: true } });
  if (!before) throw new AppError('NOT_FOUND');
  const after = await finishSplits({ appId: before.appId, serialNo });
  await recordAudit(db(), {
    actor,
    action: 'payment.finish-splits',
    target: { type: 'Payment', id: serialNo, companyId: before.companyId },
    summary: {
      before: { splitFinishRequestedAt: before.splitFinishRequestedAt, splitFinishedAt: before.splitFinishedAt },
      after: { splitFinishRequestedAt: after.splitFinishRequestedAt, splitFinishedAt: after.splitFinishedAt },
    },
    request: options.request,
  });
  return { serialNo, finishRequestedAt: after.splitFinishRequestedAt, finishedAt: after.splitFinishedAt };
}
