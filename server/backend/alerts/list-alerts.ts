import { z } from 'zod';
import { db } from '@/server/db/client';
import { AlertKind, AlertSeverity, AlertStatus, type Prisma } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { decodeAlertCursor, encodeAlertCursor } from './alert-cursor';
import { ALERT_LIST_FIELDS, alertView, companyNames } from './alert-view';

export const listAlertsInput = z.object({
  /** Default: the alerts still needing someone, open and acknowledged. */
  statuses: z.array(z.enum(AlertStatus)).min(1).max(3).default(['OPEN', 'ACKNOWLEDGED']),
  kind: z.enum(AlertKind).optional(),
  severity: z.enum(AlertSeverity).optional(),
  /** A platform admin's choice; company users always see their own company. */
  companyId: z.string().max(64).optional(),
  /** Bounds on when the alert was last seen. */
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** A subject or a payment serial number, whole. */
  search: z.string().trim().max(128).optional(),
  cursor: z.string().max(256).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

/**
 * Alerts in the actor's scope, last seen first, a page at a time: `nextCursor` asks for the next.
 * An alert seen again while someone pages moves to the top, so a later page may skip it: the
 * first page is always current.
 */
export async function listAlerts(options: { actor: Actor; input: z.infer<typeof listAlertsInput> }) {
  assertCan(options.actor, 'alert.read');
  const { input } = options;
  if (input.from && input.to && input.to < input.from) throw AppError.invalidFields({ to: 'Must not be before from.' });
  const and: Prisma.AlertWhereInput[] = [];
  if (input.search) and.push({ OR: [{ subject: input.search }, { serialNo: input.search }] });
  if (input.cursor) {
    const cursor = decodeAlertCursor(input.cursor);
    and.push({ OR: [{ lastSeenAt: { lt: cursor.lastSeenAt } }, { lastSeenAt: cursor.lastSeenAt, id: { lt: cursor.id } }] });
  }
  const where: Prisma.AlertWhereInput = {
    ...(input.companyId ? { companyId: input.companyId } : {}),
    ...companyFilter(options.actor),
    status: { in: input.statuses },
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.severity ? { severity: input.severity } : {}),
    ...(input.from || input.to ? { lastSeenAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
    ...(and.length > 0 ? { AND: and } : {}),
  };
  // One row more than asked tells whether there is a next page.
  const rows = await db().alert.findMany({ where, orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }], take: input.limit + 1, select: ALERT_LIST_FIELDS });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const names = await companyNames(db(), page.map((alert) => alert.companyId));
  return {
    items: page.map((alert) => alertView(alert, names)),
    nextCursor: rows.length > input.limit && last ? encodeAlertCursor(last) : null,
  };
}
