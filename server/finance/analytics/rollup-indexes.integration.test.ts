// A refresh reads the changes, not the history: finding the touched company-days is one range of an
// updatedAt index per table, and recounting a company-day reads only that company's index ranges.
import { describe, expect, it } from 'vitest';
import { planOf } from '@/server/testing/query-plan';
import { recountedRows } from './rebuild-company-day';
import { touchedCompanyDaysSql } from './touched-company-days';

describe('daily rollup queries', () => {
  it('find the touched company-days through each table’s updatedAt index', async () => {
    const plan = await planOf(touchedCompanyDaysSql(new Date('2026-12-07T10:00:00Z')));
    for (const index of ['Payment_updatedAt_idx', 'Refund_updatedAt_idx', 'Split_updatedAt_idx', 'Order_updatedAt_idx']) expect(plan).toContain(`"${index}"`);
    expect(plan).not.toContain('Seq Scan');
  });

  it('recount a company-day from index ranges of that company, never a whole table', async () => {
    const plan = await planOf(recountedRows({ companyId: 'co_x', day: '2026-12-07' }));
    // Orders, attempts, paid, failed, refunds, splits: each read from the company's part of an index (which
    // index the planner picks for the empty tables varies; at scale, docs/benchmarks.md).
    expect(plan.match(/Index Cond: \(+"companyId" = 'co_x'::text\)/g)).toHaveLength(6);
    expect(plan).not.toContain('Seq Scan');
  });
});
