import { z } from 'zod';
import { assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { isDay } from '@/server/gateway/beijing-time';

/** A Beijing calendar day as the dashboard sends it. */
export const dayInput = z.string().refine(isDay, { message: 'a day, yyyy-MM-dd' });

/** One channel account's day: what every action on a day names. */
export const accountDayInput = z.object({ paymentChannelId: z.string().min(1).max(64), date: dayInput });

export type ChannelAccount = Awaited<ReturnType<typeof findChannelAccount>>;

/** A payment channel within the actor's reach, with the names the dashboard shows; another company's is NOT_FOUND. */
export async function findChannelAccount(actor: Actor, paymentChannelId: string) {
  const account = await db().paymentChannel.findUnique({
    where: { id: paymentChannelId },
    select: { id: true, channel: true, mode: true, status: true, companyId: true, createdAt: true, merchant: { select: { name: true, company: { select: { name: true } } } } },
  });
  if (!account) throw new AppError('NOT_FOUND');
  assertInScope(actor, account.companyId);
  return { id: account.id, channel: account.channel, mode: account.mode, status: account.status, companyId: account.companyId, createdAt: account.createdAt, merchantName: account.merchant.name, companyName: account.merchant.company.name };
}
