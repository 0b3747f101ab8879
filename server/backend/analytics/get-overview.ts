import { z } from 'zod';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { firstRollupDay, readOverview, type Overview } from '@/server/finance/analytics/read-overview';
import { periodFields, resolvePeriod } from './overview-period';

/** Strict: a filter this overview does not know is a 400 naming it, never silently ignored. */
export const getOverviewInput = z
  .object({
    ...periodFields,
    /** Platform admins only; ignored for company users, who always see their own company. */
    companyId: z.string().max(64).optional(),
    merchantId: z.string().max(64).optional(),
    appId: z.string().max(64).optional(),
    channel: z.enum(['ALIPAY', 'WECHATPAY', 'EASYPAY', 'NONE']).optional(),
    livemode: z.boolean().optional(),
  })
  .strict();

/**
 * The dashboard overview in the actor's scope. As in the payments list, a merchant or app of
 * another company is not an error: it simply matches none of the rows the actor may read.
 * `firstDay` tells a period without payments from a tenant that never had one.
 */
export async function getOverview(options: { actor: Actor; input: z.input<typeof getOverviewInput>; now?: Date }): Promise<Overview & { firstDay: string | null }> {
  assertCan(options.actor, 'payment.read');
  const input = getOverviewInput.parse(options.input);
  const { from, to } = resolvePeriod(input, options.now ?? new Date());
  const companyId = companyFilter(options.actor).companyId ?? input.companyId;
  const companyIds = companyId ? [companyId] : null;
  const [overview, firstDay] = await Promise.all([
    readOverview({ companyIds, from, to, merchantId: input.merchantId, appId: input.appId, channel: input.channel, livemode: input.livemode }),
    firstRollupDay(companyIds),
  ]);
  return { ...overview, firstDay };
}
