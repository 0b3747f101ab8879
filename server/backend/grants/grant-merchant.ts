import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { newId } from '@/server/lib/ids';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { findMerchantInScope } from '@/server/backend/merchants/find-merchant';

export const grantInput = z.object({ appId: z.string().max(64), merchantId: z.string().max(64) });

/**
 * A property company lets an app use one of its merchants (and so its payment IDs). Granting an
 * already granted pair changes nothing; granting a revoked pair grants it again.
 */
export async function grantMerchant(options: { actor: Actor; input: z.infer<typeof grantInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'grant.manage');
  const { appId, merchantId } = options.input;
  return db().$transaction(async (tx) => {
    const merchant = await findMerchantInScope(options.actor, merchantId, tx);
    const app = await tx.app.findUnique({ where: { id: appId } });
    if (!app || app.status !== 'ACTIVE') throw AppError.invalidFields({ appId: 'no such active app' });
    const existing = await tx.appGrant.findUnique({ where: { appId_merchantId: { appId, merchantId } } });
    if (existing && !existing.revokedAt) return existing;
    const grant = existing
      ? await tx.appGrant.update({ where: { id: existing.id }, data: { revokedAt: null, grantedById: options.actor.userId } })
      : await tx.appGrant.create({
          data: { id: newId('grt'), appId, merchantId, companyId: merchant.companyId, grantedById: options.actor.userId },
        });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'grant.create',
      target: { type: 'AppGrant', id: grant.id, companyId: merchant.companyId },
      summary: { appId, appName: app.name, merchantId, merchantName: merchant.name },
      request: options.request,
    });
    return grant;
  });
}

/** After revoking, the app's requests for this merchant fail with MERCHANT_NOT_GRANTED. */
export async function revokeGrant(options: { actor: Actor; input: z.infer<typeof grantInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'grant.manage');
  const { appId, merchantId } = options.input;
  return db().$transaction(async (tx) => {
    const merchant = await findMerchantInScope(options.actor, merchantId, tx);
    const grant = await tx.appGrant.findUnique({ where: { appId_merchantId: { appId, merchantId } } });
    if (!grant) throw new AppError('NOT_FOUND');
    if (grant.revokedAt) return grant;
    const revoked = await tx.appGrant.update({ where: { id: grant.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'grant.revoke',
      target: { type: 'AppGrant', id: grant.id, companyId: merchant.companyId },
      summary: { appId, merchantId, merchantName: merchant.name },
      request: options.request,
    });
    return revoked;
  });
}
