import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan, assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { channelView } from './channel-view';

/** A merchant with its payment channels (payment IDs), whitelists and app grants. */
export async function getMerchantDetail(options: { actor: Actor; merchantId: string }) {
  assertCan(options.actor, 'merchant.read');
  const merchant = await db().merchant.findUnique({
    where: { id: options.merchantId },
    include: {
      company: { select: { id: true, name: true, status: true } },
      channels: { orderBy: { createdAt: 'asc' }, include: { trusted: { orderBy: { createdAt: 'desc' } } } },
      grants: { where: { revokedAt: null }, include: { app: { select: { id: true, name: true, status: true } } } },
    },
  });
  if (!merchant) throw new AppError('NOT_FOUND');
  assertInScope(options.actor, merchant.companyId);
  return { ...merchant, channels: merchant.channels.map(channelView) };
}

export const getChannelInput = z.object({ paymentId: z.string().max(64) });

export async function getChannel(options: { actor: Actor; paymentId: string }) {
  assertCan(options.actor, 'merchant.read');
  const row = await db().paymentChannel.findUnique({ where: { id: options.paymentId }, include: { trusted: { orderBy: { createdAt: 'desc' } } } });
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(options.actor, row.companyId);
  return channelView(row);
}
