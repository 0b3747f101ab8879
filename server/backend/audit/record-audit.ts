import type { Prisma, Role } from '@/server/db/generated/client';
import type { Db, Tx } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import { redactSecrets } from '@/server/logging/redact';

export interface Actor {
  userId: string;
  email: string;
  role: Role;
  companyId: string | null;
}

export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  actor: Actor | null;
  action: string;
  target: { type: string; id?: string | null; companyId?: string | null };
  summary?: Record<string, unknown>;
  request?: RequestMeta;
}

/**
 * Records one audited change. Pass the transaction that makes the change so the record and the
 * change commit together. Summaries go through the same secret redaction as logs.
 */
export async function recordAudit(client: Db | Tx, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      id: newId('aud'),
      actorId: entry.actor?.userId ?? null,
      actorEmail: entry.actor?.email ?? null,
      actorRole: entry.actor?.role ?? null,
      companyId: entry.target.companyId ?? entry.actor?.companyId ?? null,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      summary: entry.summary ? (redactSecrets(entry.summary) as Prisma.InputJsonValue) : undefined,
      ip: entry.request?.ip?.slice(0, 64) ?? null,
      userAgent: entry.request?.userAgent?.slice(0, 512) ?? null,
      requestId: entry.request?.requestId ?? null,
    },
  });
}
