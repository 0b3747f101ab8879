import { z } from 'zod';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import { addDays, beijingDay } from '@/server/gateway/beijing-time';
import { ACCOUNT_SELECT, accountView, dayInput } from './find-channel-account';
import { dayStatus, type DayStatus } from './run-view';

export const listReconciliationDaysInput = z.object({
  /** The last day shown; yesterday (Beijing) when absent. */
  to: dayInput.optional(),
  days: z.number().int().min(1).max(31).default(7),
  companyId: z.string().max(64).optional(),
});

/** At most this many channel accounts in one grid; a platform admin narrows by company beyond it. */
const MAX_ACCOUNTS = 200;

/**
 * Days × the channel accounts the actor may see, newest day first: each day's status and the two
 * sides' totals. A day from the account's activation up to yesterday without a run is PENDING; a day
 * before the account existed, or not over, is null.
 */
export async function listReconciliationDays(options: { actor: Actor; input: z.input<typeof listReconciliationDaysInput>; now?: Date }) {
  assertCan(options.actor, 'reconciliation.read');
  const input = listReconciliationDaysInput.parse(options.input);
  const today = beijingDay(options.now ?? new Date());
  const to = input.to ?? addDays(today, -1);
  const days = Array.from({ length: input.days }, (_, i) => addDays(to, -i));
  const accounts = await db().paymentChannel.findMany({
    where: { ...(input.companyId ? { companyId: input.companyId } : {}), ...companyFilter(options.actor) },
    select: ACCOUNT_SELECT,
    orderBy: [{ companyId: 'asc' }, { createdAt: 'asc' }],
    take: MAX_ACCOUNTS,
  });
  const runs = await db().reconciliationRun.findMany({
    where: { paymentChannelId: { in: accounts.map((account) => account.id) }, runDate: { gte: new Date(`${days.at(-1)}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
    include: { discrepancies: { select: { resolvedAt: true } } },
  });
  const byKey = new Map(runs.map((run) => [`${run.paymentChannelId} ${run.runDate.toISOString().slice(0, 10)}`, run]));
  return {
    days,
    accounts: accounts.map((account) => ({
      ...accountView(account),
      cells: days.map((date): DayStatus | null => {
        const run = byKey.get(`${account.id} ${date}`);
        if (!run && (date >= today || date < beijingDay(account.createdAt))) return null;
        return dayStatus(date, run);
      }),
    })),
  };
}
