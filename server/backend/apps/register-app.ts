import type { z } from 'zod';
import { db } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { appFields } from './app-input';
import { issueAppSecret } from '@/server/security/app-secret';

export const registerAppInput = appFields;

/** Registers a business application; its secret is returned here once and never again. */
export async function registerApp(options: { actor: Actor; input: z.infer<typeof registerAppInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'app.manage');
  const id = newId('app');
  return db().$transaction(async (tx) => {
    const app = await tx.app.create({ data: { id, ...options.input } });
    const secret = await issueAppSecret(tx, id);
    await recordAudit(tx, {
      actor: options.actor,
      action: 'app.register',
      target: { type: 'App', id },
      summary: { after: options.input, secretHint: secret.hint },
      request: options.request,
    });
    return { app, secret: secret.secret };
  });
}
