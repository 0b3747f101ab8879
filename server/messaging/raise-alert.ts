import type { AlertKind } from '@/server/db/generated/client';
import type { Db, Tx } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import { logger } from '@/server/logging/logger';
import { readAlertRule } from '@/server/monitoring/rules/read-alert-rules';
import { metrics } from '@/server/observability/metrics';

export interface AlertFact {
  kind: AlertKind;
  companyId: string | null;
  serialNo?: string | null;
  /** What the alert is about, for deduplication: defaults to the payment, else the company, else the platform. */
  subject?: string;
  message: string;
  details?: Record<string, unknown>;
}

/** The subject an alert is deduplicated by when its raiser names none. */
export const defaultSubject = (fact: Pick<AlertFact, 'serialNo' | 'companyId'>): string => fact.serialNo ?? fact.companyId ?? 'platform';

/**
 * Records something staff must look at (a duplicate payment, an amount mismatch...), in the caller's
 * transaction when there is one. One unresolved alert per (kind, subject): raising it again counts
 * another occurrence on it (the migration's partial unique index makes that atomic across processes).
 * Monitoring delivers the occurrences not yet notified to DingTalk, one message per burst.
 * The kind's rule decides the severity; a kind the platform admins turned off raises nothing.
 * Answers whether it raised the alert.
 */
export async function raiseAlert(client: Db | Tx, fact: AlertFact): Promise<boolean> {
  const rule = await readAlertRule(client, fact.kind);
  if (!rule.enabled) return false;
  const subject = fact.subject ?? defaultSubject(fact);
  const details = fact.details === undefined ? null : JSON.stringify(fact.details);
  await client.$executeRaw`
    INSERT INTO "Alert" ("id", "kind", "severity", "companyId", "serialNo", "subject", "message", "details", "createdAt", "lastSeenAt")
    VALUES (${newId('alr')}, ${fact.kind}::"AlertKind", ${rule.severity}::"AlertSeverity", ${fact.companyId}, ${fact.serialNo ?? null},
      ${subject}, ${fact.message}, ${details}::jsonb, clock_timestamp(), clock_timestamp())
    ON CONFLICT ("kind", "subject") WHERE "status" <> 'RESOLVED' DO UPDATE SET
      "occurrences" = "Alert"."occurrences" + 1, "lastSeenAt" = EXCLUDED."lastSeenAt", "severity" = EXCLUDED."severity",
      "message" = EXCLUDED."message", "details" = EXCLUDED."details"`;
  metrics().alertsRaised.inc({ kind: fact.kind });
  logger().warn({ alert: fact.kind, subject, serialNo: fact.serialNo, companyId: fact.companyId }, fact.message);
  return true;
}
