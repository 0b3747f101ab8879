import { z } from 'zod';
import { db, type Tx } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { issueAppSecret } from '@/server/security/app-secret';

/** The old and the new secret during a rotation. */
const MAX_ACTIVE_SECRETS = 2;

export const rotateAppSecretInput = z.object({ appId: z.string().max(64) });
export const revokeAppSecretInput = z.object({ appId: z.string().max(64), secretId: z.string().max(64) });

/** Locks the app row so concurrent rotations and revocations count active secrets correctly. */
async function lockApp(tx: Tx, appId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "App" WHERE id = ${appId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError('NOT_FOUND');
}

/**
 * Issues a second secret while the first stays valid (both verify until the old one is revoked),
 * so the app can switch without downtime. The new secret is shown once.
 */
export async function rotateAppSecret(options: { actor: Actor; input: z.infer<typeof rotateAppSecretInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'app.manage');
  const { appId } = options.input;
  return db().$transaction(async (tx) => {
    await lockApp(tx, appId);
    const active = await tx.appSecret.count({ where: { appId, revokedAt: null } });
    if (active >= MAX_ACTIVE_SECRETS) {
      throw new AppError('CONFLICT', 'This app already has two active secrets; revoke the older one first.');
    }
    const secret = await issueAppSecret(tx, appId);
    await recordAudit(tx, {
      actor: options.actor,
      action: 'app.rotate-secret',
      target: { type: 'App', id: appId },
      summary: { secretId: secret.id, secretHint: secret.hint },
      request: options.request,
    });
    return { secretId: secret.id, secret: secret.secret, hint: secret.hint };
  });
}

/** Revokes one secret; the last active secret cannot be revoked (rotate first, or disable the app). */
export async function revokeAppSecret(options: { actor: Actor; input: z.infer<typeof revokeAppSecretInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'app.manage');
  const { appId, secretId } = options.input;
  await db().$transaction(async (tx) => {
    await lockApp(tx, appId);
    const secret = await tx.appSecret.findFirst({ where: { id: secretId, appId } });
    if (!secret) throw new AppError('NOT_FOUND');
    if (secret.revokedAt) return;
    const active = await tx.appSecret.count({ where: { appId, revokedAt: null } });
    if (active <= 1) throw new AppError('CONFLICT', 'This is the app’s only active secret; rotate first or disable the app.');
    await tx.appSecret.update({ where: { id: secretId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'app.revoke-secret',
      target: { type: 'App', id: appId },
      summary: { secretId, secretHint: secret.hint },
      request: options.request,
    });
  });
}
