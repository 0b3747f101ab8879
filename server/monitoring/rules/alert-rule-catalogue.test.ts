import { describe, expect, it } from 'vitest';
import { AlertKind } from '@/server/db/generated/enums';
import { ALERT_RULES } from './alert-rule-catalogue';

describe('the alert rule catalogue', () => {
  it('has a rule for every alert kind, whose defaults its own schema accepts', () => {
    expect(Object.keys(ALERT_RULES).sort()).toEqual(Object.values(AlertKind).sort());
    for (const [kind, rule] of Object.entries(ALERT_RULES)) expect(rule.params.safeParse(rule.defaults).success, kind).toBe(true);
  });

  it('refuses unknown params and thresholds out of range', () => {
    expect(ALERT_RULES.REFUND_STUCK.params.safeParse({ hours: 24, days: 3 }).success).toBe(false);
    expect(ALERT_RULES.CHANNEL_FAILING.params.safeParse({ ...ALERT_RULES.CHANNEL_FAILING.defaults, failureRatePercent: 120 }).success).toBe(false);
    expect(ALERT_RULES.CERTIFICATE_EXPIRING.params.safeParse({ days: [] }).success).toBe(false);
    expect(ALERT_RULES.RECONCILIATION_LATE.params.safeParse({ hourBeijing: 24 }).success).toBe(false);
  });
});
