import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from './record-audit';
import { listQuery, paging, readPage } from '@/server/backend/lists/list-query';

export const listAuditLogsInput = listQuery(['createdAt'] as const).extend({
  action: z.string().max(64).optional(),
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  actorEmail: z.string().max(254).optional(),
  companyId: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

/** The audit trail; company users see their own company's entries only. */
export async function listAuditLogs(options: { actor: Actor; input: z.infer<typeof listAuditLogsInput> }) {
  assertCan(options.actor, 'audit.read');
  const { input } = options;
  const where: Prisma.AuditLogWhereInput = {
    ...(input.companyId ? { companyId: input.companyId } : {}),
    ...companyFilter(options.actor),
    ...(input.action ? { action: { startsWith: input.action } } : {}),
    ...(input.targetType ? { targetType: input.targetType } : {}),
    ...(input.targetId ? { targetId: input.targetId } : {}),
    ...(input.actorEmail ? { actorEmail: { contains: input.actorEmail, mode: 'insensitive' } } : {}),
    ...(input.from || input.to ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
  };
  return readPage(
    input,
    db().auditLog.findMany({ where, orderBy: { createdAt: input.sortDir }, ...paging(input) }),
    db().auditLog.count({ where }),
  );
}
