// The overview procedure over HTTP as the dashboard calls it: who sees which company's rollups, and
// bad input answered 400 with the field named (the arithmetic is read-overview's test).
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/current-user';
import { db } from '@/server/db/client';
import { addDays, beijingDay } from '@/server/gateway/beijing-time';
import { contextFor, makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';

const today = beijingDay(new Date());
let admin: SessionUser;
let staffA: SessionUser;
let companyA: string;
let companyB: string;

async function overview(user: SessionUser, input: unknown) {
  const url = new URL('http://localhost/api/trpc/analytics.overview');
  url.searchParams.set('input', JSON.stringify({ json: input }));
  const res = await fetchRequestHandler({ endpoint: '/api/trpc', req: new Request(url), router: appRouter, createContext: () => contextFor(user) });
  const body = (await res.json()) as { result?: { data: { json: { totals: { collected: number; orders: number }; byApp: unknown[] } } }; error?: { json: { data: { appCode: string; details: { fields: Record<string, string> } } } } };
  return { status: res.status, totals: body.result?.data.json.totals, fields: body.error?.json.data.details?.fields, appCode: body.error?.json.data.appCode };
}

beforeAll(async () => {
  const platform = await platformAdmin();
  admin = platform.user;
  [companyA, companyB] = await Promise.all([makeCompany(platform, 'Overview A'), makeCompany(platform, 'Overview B')]).then((companies) => companies.map((company) => company.id));
  staffA = (await makeUser('COMPANY_STAFF', companyA)).user;
  const row = { appId: 'app_overview', channel: 'ALIPAY', invokeMethod: 'PC' as const, livemode: true, day: new Date(`${addDays(today, -1)}T00:00:00Z`) };
  await db().dailyRollup.createMany({
    data: [
      { ...row, companyId: companyA, merchantId: 'mch_overviewA', orders: 2, succeededCount: 2, succeededAmount: 2_000n },
      { ...row, companyId: companyB, merchantId: 'mch_overviewB', orders: 5, succeededCount: 5, succeededAmount: 50_000n },
    ],
  });
});

describe('analytics.overview', () => {
  it('shows a company user their own company, whatever company they ask for', async () => {
    expect((await overview(staffA, { period: '7d' })).totals).toMatchObject({ collected: 2_000, orders: 2 });
    expect((await overview(staffA, { period: '7d', companyId: companyB })).totals).toMatchObject({ collected: 2_000, orders: 2 });
  });

  it('lets a platform admin choose a company or see all', async () => {
    expect((await overview(admin, { period: '7d' })).totals?.collected).toBeGreaterThanOrEqual(52_000);
    expect((await overview(admin, { period: '7d', companyId: companyB })).totals).toMatchObject({ collected: 50_000, orders: 5 });
  });

  it("shows nothing of another company's merchant, as the payments list does", async () => {
    const result = await overview(staffA, { period: '7d', merchantId: 'mch_overviewB' });
    expect(result.status).toBe(200);
    expect(result.totals).toMatchObject({ collected: 0, orders: 0 });
  });

  it('answers bad input with 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ period: '7d', status: 'SUCCEEDED' }, 'status'],
      [{ period: 'week' }, 'period'],
      [{ period: 'custom', from: '1999-12-31', to: '2000-01-02' }, 'from'],
      [{ period: 'custom', from: today, to: addDays(today, 1) }, 'to'],
      [{ period: 'custom', from: addDays(today, -2), to: addDays(today, -3) }, 'to'],
      [{ period: 'custom', from: addDays(today, -400), to: today }, 'to'],
      [{ period: 'custom', from: '2026-02-30', to: today }, 'from'],
      [{ period: 'month', month: '2026-13' }, 'month'],
      [{ period: '7d', channel: 'PAYPAL' }, 'channel'],
    ];
    for (const [input, field] of cases) {
      const result = await overview(staffA, input);
      expect([result.status, result.appCode], JSON.stringify(input)).toEqual([400, 'INVALID_REQUEST']);
      expect(Object.keys(result.fields ?? {}), JSON.stringify(input)).toEqual([field]);
    }
  });
});
