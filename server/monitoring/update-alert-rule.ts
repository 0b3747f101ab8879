import { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import { AlertKind, AlertSeverity, type Prisma } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { ALERT_RULES, type EffectiveAlertRule } from './rules/alert-rule-catalogue';
import { readAlertRule } from './rules/read-alert-rules';

export const updateAlertRuleInput = z.object({
  kind: z.enum(AlertKind),
  enabled: z.boolean(),
  severity: z.enum(AlertSeverity),
  /** The kind's thresholds, checked against its schema in the catalogue. */
  params: z.record(z.string(), z.unknown()),
});

/**
 * A platform admin's setting of one rule (on/off, severity, thresholds), audited with its values
 * before and after in the same transaction. Takes effect at the next raise and the next monitoring run.
 */
export async function updateAlertRule(options: { actor: Actor; input: z.infer<typeof updateAlertRuleInput>; request?: RequestMeta }): Promise<EffectiveAlertRule> {
  assertCan(options.actor, 'alertRule.manage');
  const { kind, enabled, severity } = options.input;
  const parsed = ALERT_RULES[kind].params.safeParse(options.input.params);
  if (!parsed.success) throw AppError.fromZod(new z.ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: ['params', ...issue.path] }))));
  const params = parsed.data as Prisma.InputJsonObject;
  return db().$transaction(async (tx) => {
    const before = await readAlertRule(tx, kind);
    const row = { enabled, severity, params, updatedById: options.actor.userId };
    await tx.alertRule.upsert({ where: { kind }, create: { kind, ...row }, update: row });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'alert_rule.update',
      target: { type: 'AlertRule', id: kind, companyId: null },
      summary: { before: { enabled: before.enabled, severity: before.severity, params: before.params }, after: { enabled, severity, params } },
      request: options.request,
    });
    return readAlertRule(tx, kind);
  });
}
