// A merchant's day of statement items is one index range scan per table, started at the cursor's
// position, whatever the size of the tables (sequential scans are disabled so the empty test tables
// cannot hide a missing index behind a cheaper full scan).
import { describe, expect, it } from 'vitest';
import { planOf } from '@/server/testing/query-plan';
import { statementItemsSql } from './read-statement-items';
import { dayRange } from './statement-query';

describe('statement queries', () => {
  it('read each table through its (appId, merchantId, time, id) index from the cursor on, and merge them unsorted', async () => {
    const scope = { appId: 'app_x', merchantId: 'mch_x', day: dayRange('2026-12-07') };
    const plan = await planOf(statementItemsSql({ scope, after: { at: new Date('2026-12-07T01:00:00Z'), id: 'P20261207090000000AAAAAAAAAAAAA' }, limit: 100 }));
    expect(plan).toMatch(/Index Scan using "Payment_appId_merchantId_paidAt_serialNo_idx"/);
    expect(plan).toMatch(/Index Scan using "Refund_appId_merchantId_succeededAt_refundSerialNo_idx"/);
    expect(plan).toMatch(/Index Cond: .*ROW\("paidAt", "serialNo"\) > ROW/);
    expect(plan).toMatch(/Index Cond: .*ROW\("succeededAt", "refundSerialNo"\) > ROW/);
    // Both halves arrive in item order and are merged: nothing of the day is sorted.
    expect(plan).toContain('Merge Append');
    expect(plan).not.toMatch(/->\s+Sort\b/);
  });
});
