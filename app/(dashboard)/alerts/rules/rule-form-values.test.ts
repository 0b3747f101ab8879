import { describe, expect, it } from 'vitest';
import { invalidParams, ruleFormValues, ruleInput } from './rule-form-values';

describe('the alert rule form', () => {
  const certificates = { enabled: true, severity: 'WARNING' as const, params: { days: [30, 7, 1] } };

  it('shows numbers and lists as text and reads them back in the shape of the defaults', () => {
    const values = ruleFormValues(certificates);
    expect(values).toEqual({ enabled: 'true', severity: 'WARNING', 'params.days': '30, 7, 1' });
    expect(ruleInput('CERTIFICATE_EXPIRING', certificates.params, { ...values, enabled: 'false', 'params.days': '14,3' })).toEqual({
      kind: 'CERTIFICATE_EXPIRING',
      enabled: false,
      severity: 'WARNING',
      params: { days: [14, 3] },
    });
    expect(ruleInput('REFUND_STUCK', { hours: 24 }, { enabled: 'true', severity: 'CRITICAL', 'params.hours': ' 6 ' }).params).toEqual({ hours: 6 });
  });

  it('names the fields that are not numbers, blanks included', () => {
    const defaults = { windowMinutes: 5, minCalls: 10 };
    expect(invalidParams(defaults, { 'params.windowMinutes': 'five', 'params.minCalls': '' })).toEqual(['params.windowMinutes', 'params.minCalls']);
    expect(invalidParams({ days: [30] }, { 'params.days': '30,,1' })).toEqual(['params.days']);
    expect(invalidParams(defaults, { 'params.windowMinutes': '5', 'params.minCalls': '3' })).toEqual([]);
  });
});
