import type { Tx } from '@/server/db/client';
import type { App } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';

/** An app, for a change inside `tx`; apps are platform-wide, so reaching one is a matter of permission. */
export async function findApp(tx: Tx, appId: string): Promise<App> {
  const app = await tx.app.findUnique({ where: { id: appId } });
  if (!app) throw new AppError('NOT_FOUND');
  return app;
}
