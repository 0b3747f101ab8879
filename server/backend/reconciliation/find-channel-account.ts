import { z } from 'zod';
import { assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { isDay } from '@/server/gateway/beijing-time';

/** A Beijing calendar day as the dashboard sends it. */
export const dayInput = z.string().refine(isDay, { message: 'a day, yyyy-MM-dd' });

/** One channel account's day: what every action on a day names. */
export const accountDayInput = z.object({ paymentChannelId: z.string().min(1).max(64), date: dayInput });

/** What the dashboard shows of a channel account: its channel, mode and state, whose it is. */
export const ACCOUNT_SELECT = {
  id: true,
  channel: true,
  mode: true,
  status: true,
  companyId: true,
  createdAt: true,
  merchant: { select: { name: true, company: { select: { name: true } } } },
} as const;

type AccountRow = Prisma.PaymentChannelGetPayload<{ select: typeof ACCOUNT_SELECT }>;

export function accountView(account: AccountRow) {
  const { merchant, status, ...rest } = account;
  return { ...rest, enabled: status === 'ENABLED', merchantName: merchant.name, companyName: merchant.company.name };
}

/** A payment channel within the actor's reach, as the dashboard shows it; another company's is NOT_FOUND. */
export async function findChannelAccount(actor: Actor, paymentChannelId: string) {
  const account = await db().paymentChannel.findUnique({ where: { id: paymentChannelId }, select: ACCOUNT_SELECT });
  if (!account) throw new AppError('NOT_FOUND');
  assertInScope(actor, account.companyId);
  return accountView(account);
}
