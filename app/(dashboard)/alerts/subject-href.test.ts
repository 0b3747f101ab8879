import { describe, expect, it } from 'vitest';
import { alertSubjectHref } from './subject-href';

describe('alertSubjectHref', () => {
  it('links a webhook alert to its event, before the payment the event is about', () => {
    expect(alertSubjectHref({ subject: 'P2026', serialNo: 'P2026', eventId: 'evt_abc' })).toBe('/webhooks/evt_abc');
  });

  it('links a payment alert to the payment', () => {
    expect(alertSubjectHref({ subject: 'P2026 1', serialNo: 'P2026 1', eventId: null })).toBe('/payments/P2026%201');
  });

  it('links a reconciliation alert to its channel and day', () => {
    expect(alertSubjectHref({ subject: 'reconciliation:pch_1:2026-12-06', serialNo: null, eventId: null })).toBe('/reconciliation/pch_1/2026-12-06');
  });

  it('links nothing the dashboard has no page for', () => {
    expect(alertSubjectHref({ subject: 'job:close-expired', serialNo: null, eventId: null })).toBeNull();
    expect(alertSubjectHref({ subject: 'reconciliation:pch_1:yesterday', serialNo: null, eventId: null })).toBeNull();
  });
});
