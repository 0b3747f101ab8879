import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { expireDuePayments } from './expire-due-payments';
import { queryDuePayments } from './query-due-payments';
import { CLAIM_LEASE_MS } from '../run-claimed';
import { claimDuePayments } from './sweep-due-payments';
import type { Payment } from '@/server/db/generated/client';
import { insertPayment, makeShop, type Shop } from '@/server/backend/payments/testing/payment-rows';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';

// The claiming of the sweeps, with the per-attempt action recorded instead of calling the channel
// (inngest/functions/payments.integration.test.ts runs them with the real services).
let tenant: Shop;
const now = new Date('2026-12-01T08:00:00.000Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const MIN = 60_000;

function recorder() {
  const seen: string[] = [];
  return { seen, action: async ({ serialNo }: { serialNo: string }) => void seen.push(serialNo) };
}

const nextQueryAtOf = async (serialNo: string) => (await db().payment.findUniqueOrThrow({ where: { serialNo } })).nextQueryAt;

beforeAll(async () => {
  const admin = await platformAdmin();
  const company = await makeCompany(admin);
  tenant = await makeShop(admin, { ...(await makeUser('COMPANY_ADMIN', company.id)), companyId: company.id });
});

/** An order with one attempt in the given state; unexpired and not yet due unless told otherwise. */
async function insertAttempt(shop: Shop, attempt: Partial<Pick<Payment, 'status' | 'expiresAt' | 'nextQueryAt'>> = {}): Promise<Payment> {
  const { payment } = await insertPayment(shop, { status: attempt.status, expiresAt: attempt.expiresAt ?? at(15 * MIN) });
  return db().payment.update({ where: { serialNo: payment.serialNo }, data: { nextQueryAt: attempt.nextQueryAt === undefined ? at(MIN) : attempt.nextQueryAt } });
}
// Every test starts with no attempts, so what a sweep picks is exactly what the test inserted.
beforeEach(async () => {
  await db().payment.deleteMany();
  await db().order.deleteMany();
});

describe('queryDuePayments', () => {
  it('queries only PENDING, unexpired attempts whose query is due, and pushes their next query past the lease', async () => {
    const due = await insertAttempt(tenant, { nextQueryAt: at(-MIN), expiresAt: at(10 * MIN) });
    await insertAttempt(tenant, { nextQueryAt: at(MIN), expiresAt: at(10 * MIN) }); // not yet due
    await insertAttempt(tenant, { nextQueryAt: at(-MIN), expiresAt: at(0) }); // expired: the expiry sweep's
    await insertAttempt(tenant, { nextQueryAt: null, expiresAt: at(10 * MIN) }); // no query scheduled
    await insertAttempt(tenant, { status: 'SUCCEEDED', nextQueryAt: at(-MIN), expiresAt: at(10 * MIN) });
    const { seen, action } = recorder();

    expect(await queryDuePayments({ now, sync: action })).toEqual({ queried: 1, failed: 0 });
    expect(seen).toEqual([due.serialNo]);
    expect(await nextQueryAtOf(due.serialNo)).toEqual(at(CLAIM_LEASE_MS));
    // Claimed and leased: a sweep a moment later leaves it alone.
    expect(await queryDuePayments({ now: at(1000), sync: action })).toEqual({ queried: 0, failed: 0 });
  });

  it('takes the longest-due attempts first, up to the limit', async () => {
    const oldest = await insertAttempt(tenant, { nextQueryAt: at(-3 * MIN) });
    const older = await insertAttempt(tenant, { nextQueryAt: at(-2 * MIN) });
    await insertAttempt(tenant, { nextQueryAt: at(-MIN) });
    const { seen, action } = recorder();

    await queryDuePayments({ now, limit: 2, sync: action });
    expect(seen.sort()).toEqual([oldest.serialNo, older.serialNo].sort());
  });

  it('gives two concurrent sweeps disjoint sets that together cover every due attempt', async () => {
    const due = await Promise.all(Array.from({ length: 30 }, (_, i) => insertAttempt(tenant, { nextQueryAt: at(-MIN - i) })));
    const first = recorder();
    const second = recorder();

    await Promise.all([queryDuePayments({ now, limit: 20, sync: first.action }), queryDuePayments({ now, limit: 20, sync: second.action })]);
    const all = [...first.seen, ...second.seen];
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(due.map((p) => p.serialNo).sort());
  });

  it('skips attempts another sweep holds, until that sweep has committed its lease', async () => {
    const due = await Promise.all(Array.from({ length: 6 }, (_, i) => insertAttempt(tenant, { nextQueryAt: at(-MIN - i) })));
    const other = recorder();
    const held = await db().$transaction(async (tx) => {
      // The other sweep's claim, not yet committed: its rows stay locked.
      const claimed = await claimDuePayments(tx, { kind: 'QUERY', now, limit: 4 });
      await queryDuePayments({ now, sync: other.action });
      return claimed;
    });

    expect(held).toHaveLength(4);
    expect(other.seen.sort()).toEqual(due.map((p) => p.serialNo).filter((s) => !held.includes(s)).sort());
    for (const serialNo of held) expect(await nextQueryAtOf(serialNo)).toEqual(at(CLAIM_LEASE_MS));
  });

  it('skips an attempt whose row a payment service has locked, and leaves its schedule untouched', async () => {
    const busy = await insertAttempt(tenant, { nextQueryAt: at(-MIN) });
    const free = await insertAttempt(tenant, { nextQueryAt: at(-MIN) });
    const { seen, action } = recorder();

    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Payment" WHERE "serialNo" = ${busy.serialNo} FOR UPDATE`;
      await queryDuePayments({ now, sync: action });
    });
    expect(seen).toEqual([free.serialNo]);
    expect(await nextQueryAtOf(busy.serialNo)).toEqual(at(-MIN));

    // Once the lock is gone, the next sweep takes it.
    await queryDuePayments({ now, sync: action });
    expect(seen).toEqual([free.serialNo, busy.serialNo]);
  });

  it('logs a failing query, goes on with the others, and retries the failed one after the lease', async () => {
    const failing = await insertAttempt(tenant, { nextQueryAt: at(-2 * MIN) });
    const fine = await insertAttempt(tenant, { nextQueryAt: at(-MIN) });
    const seen: string[] = [];
    const sync = async ({ serialNo }: { serialNo: string }) => {
      seen.push(serialNo);
      if (serialNo === failing.serialNo) throw new Error('channel unreachable');
    };

    expect(await queryDuePayments({ now, sync })).toEqual({ queried: 1, failed: 1 });
    expect(seen.sort()).toEqual([failing.serialNo, fine.serialNo].sort());
    expect(await queryDuePayments({ now: at(CLAIM_LEASE_MS - 1), sync })).toEqual({ queried: 0, failed: 0 });
    const retried = recorder();
    await queryDuePayments({ now: at(CLAIM_LEASE_MS), sync: retried.action });
    // `fine` is also due again here only because the recorder did not reschedule it as syncPayment does.
    expect(retried.seen).toContain(failing.serialNo);
  });
});

describe('expireDuePayments', () => {
  it('closes PENDING attempts past their expiry with reason EXPIRED, once per lease', async () => {
    const expired = await insertAttempt(tenant, { expiresAt: at(-MIN), nextQueryAt: null });
    const expiredWithStaleQuery = await insertAttempt(tenant, { expiresAt: at(0), nextQueryAt: at(-5 * MIN) });
    await insertAttempt(tenant, { expiresAt: at(10 * MIN), nextQueryAt: at(-MIN) }); // still live
    await insertAttempt(tenant, { status: 'SUCCEEDED', expiresAt: at(-MIN), nextQueryAt: null });
    await insertAttempt(tenant, { status: 'CLOSED', expiresAt: at(-MIN), nextQueryAt: null });
    const calls: Array<{ serialNo: string; reason: string }> = [];
    const close = async ({ serialNo, reason }: { serialNo: string; reason: string }) => void calls.push({ serialNo, reason });

    expect(await expireDuePayments({ now, close })).toEqual({ closed: 2, failed: 0 });
    expect(calls.sort((a, b) => a.serialNo.localeCompare(b.serialNo))).toEqual(
      [expired, expiredWithStaleQuery].map((p) => ({ serialNo: p.serialNo, reason: 'EXPIRED' })).sort((a, b) => a.serialNo.localeCompare(b.serialNo)),
    );
    expect(await nextQueryAtOf(expired.serialNo)).toEqual(at(CLAIM_LEASE_MS));
    // A close that did not happen (the recorder changed nothing) is tried again only after the lease.
    expect(await expireDuePayments({ now: at(MIN), close })).toEqual({ closed: 0, failed: 0 });
    expect(await expireDuePayments({ now: at(CLAIM_LEASE_MS), close })).toEqual({ closed: 2, failed: 0 });
  });

  it('gives two concurrent expiry sweeps disjoint sets, and one failure stops no other close', async () => {
    const expired = await Promise.all(Array.from({ length: 12 }, (_, i) => insertAttempt(tenant, { expiresAt: at(-MIN - i), nextQueryAt: null })));
    const seen: string[] = [];
    const close = async ({ serialNo }: { serialNo: string }) => {
      seen.push(serialNo);
      if (serialNo === expired[0]!.serialNo) throw new Error('channel unreachable');
    };

    const results = await Promise.all([expireDuePayments({ now, limit: 8, close }), expireDuePayments({ now, limit: 8, close })]);
    expect(results.reduce((sum, r) => sum + r.closed, 0)).toBe(11);
    expect(results.reduce((sum, r) => sum + r.failed, 0)).toBe(1);
    expect(seen.sort()).toEqual(expired.map((p) => p.serialNo).sort());
  });
});
