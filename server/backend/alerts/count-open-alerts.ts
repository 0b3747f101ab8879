import { db } from '@/server/db/client';
import { can, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';

/** How many alerts in the actor's scope nobody has acknowledged yet, for the menu's badge (0 for those who may not read alerts). */
export async function countOpenAlerts(options: { actor: Actor }): Promise<number> {
  if (!can(options.actor, 'alert.read')) return 0;
  return db().alert.count({ where: { ...companyFilter(options.actor), status: 'OPEN' } });
}
