import { db, type Db, type Tx } from '@/server/db/client';
import type { AlertKind, AlertRule } from '@/server/db/generated/client';
import { logger } from '@/server/logging/logger';
import { ALERT_RULES, type AlertRuleParams, type EffectiveAlertRule } from './alert-rule-catalogue';

function effective<Kind extends AlertKind>(kind: Kind, row: AlertRule | null): EffectiveAlertRule<Kind> {
  const { params: schema, defaults, severity } = ALERT_RULES[kind];
  if (!row) return { kind, enabled: true, severity, params: defaults as AlertRuleParams<Kind>, customised: false };
  const stored = typeof row.params === 'object' && row.params !== null && !Array.isArray(row.params) ? row.params : {};
  const parsed = schema.safeParse({ ...defaults, ...stored });
  // Saved params are validated on the way in; ones a later release no longer accepts fall back to the defaults.
  if (!parsed.success) logger().warn({ kind, issues: parsed.error.issues }, 'stored alert rule params invalid; using the defaults');
  const params = (parsed.success ? parsed.data : defaults) as AlertRuleParams<Kind>;
  return { kind, enabled: row.enabled, severity: row.severity, params, customised: true };
}

/** One kind's rule, read in the caller's transaction when there is one. */
export async function readAlertRule<Kind extends AlertKind>(client: Db | Tx, kind: Kind): Promise<EffectiveAlertRule<Kind>> {
  return effective(kind, await client.alertRule.findUnique({ where: { kind } }));
}

/** Every kind's rule, in the catalogue's order. */
export async function readAlertRules(): Promise<EffectiveAlertRule[]> {
  const rows = new Map((await db().alertRule.findMany()).map((row) => [row.kind, row]));
  return (Object.keys(ALERT_RULES) as AlertKind[]).map((kind) => effective(kind, rows.get(kind) ?? null));
}
