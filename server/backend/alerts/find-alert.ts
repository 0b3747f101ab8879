import type { Db, Tx } from '@/server/db/client';
import type { Alert } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import type { Actor } from '@/server/backend/audit/record-audit';

/**
 * An alert within the actor's reach: a company's alerts for its own users, platform-wide ones
 * (no company) for platform admins only. Anything else is NOT_FOUND, so ids cannot be probed.
 */
export async function findAlert(client: Db | Tx, actor: Actor, alertId: string): Promise<Alert> {
  const alert = await client.alert.findUnique({ where: { id: alertId } });
  if (!alert) throw new AppError('NOT_FOUND');
  if (actor.role !== 'PLATFORM_ADMIN' && (alert.companyId === null || alert.companyId !== actor.companyId)) throw new AppError('NOT_FOUND');
  return alert;
}
