import { db } from '@/server/db/client';
import { addDays, beijingDay, beijingDayStart } from '@/server/gateway/beijing-time';
import { pluginFor } from '@/server/gateway/registry';
import type { AlertRuleParams } from '../rules/alert-rule-catalogue';
import type { FailingCondition } from '../raise-conditions';

/**
 * The day whose reconciliation is due: yesterday (Beijing) from the rule's hour on, the day before
 * until then — so there is always one day under watch and its alert stays open until it is done.
 */
function dueDay(now: Date, hourBeijing: number): string {
  const today = beijingDay(now);
  const pastHour = now.getTime() >= beijingDayStart(today).getTime() + hourBeijing * 3600_000;
  return addDays(today, pastHour ? -1 : -2);
}

/**
 * Enabled channel accounts that publish daily bills and existed on the due day, whose run for that
 * day is missing, still pending, or FAILED.
 */
export async function findLateReconciliations(options: { params: AlertRuleParams<'RECONCILIATION_LATE'>; now: Date }): Promise<FailingCondition[]> {
  const day = dueDay(options.now, options.params.hourBeijing);
  const dayEnd = beijingDayStart(addDays(day, 1));
  const accounts = await db().paymentChannel.findMany({
    where: { status: 'ENABLED', createdAt: { lt: dayEnd } },
    select: { id: true, companyId: true, channel: true, reconciliationRuns: { where: { runDate: new Date(`${day}T00:00:00Z`) }, select: { status: true, failureReason: true } } },
  });
  return accounts.flatMap((account) => {
    if (pluginFor(account.channel).bills.kind !== 'DOWNLOAD') return [];
    const run = account.reconciliationRuns[0];
    if (run && (run.status === 'MATCHED' || run.status === 'DISCREPANCIES')) return [];
    const why = run?.status === 'FAILED' ? `failed: ${run.failureReason ?? 'no reason recorded'}` : `is not done by ${options.params.hourBeijing}:00 Beijing time`;
    return [
      {
        subject: `reconciliation:${account.id}:${day}`,
        companyId: account.companyId,
        message: `${account.channel} payment ID ${account.id}: reconciliation of ${day} ${why}.`,
        details: { paymentChannelId: account.id, date: day, status: run?.status ?? null },
      },
    ];
  });
}
