import { assertCan } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { ALERT_RULES, type EffectiveAlertRule } from './rules/alert-rule-catalogue';
import { readAlertRules } from './rules/read-alert-rules';

export interface AlertRuleView extends EffectiveAlertRule {
  /** The catalogue's values, to show what an admin changed and to reset to. */
  defaults: { severity: EffectiveAlertRule['severity']; params: EffectiveAlertRule['params'] };
}

/** Every kind's rule as it applies now, next to the shipped defaults: platform admins only. */
export async function listAlertRules(options: { actor: Actor }): Promise<AlertRuleView[]> {
  assertCan(options.actor, 'alertRule.manage');
  return (await readAlertRules()).map((rule) => ({ ...rule, defaults: { severity: ALERT_RULES[rule.kind].severity, params: ALERT_RULES[rule.kind].defaults } }));
}
