// A large export streams: 100 000 payments seeded by SQL come out exactly once each, in keyset batches,
// while the heap stays far below the size of the file (which would have to be held whole otherwise).
import v8 from 'node:v8';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertPayment, makeShop, type Shop } from '@/server/backend/payments/testing/payment-rows';
import { db } from '@/server/db/client';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { exportPaymentsCsv } from './export-payments-csv';
import { exportQuery } from './export-file';

const ROWS = 100_000;
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
/** The heap that is still reachable: garbage would make any bound meaningless. */
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
let shop: Shop;
let staff: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  const admin = await platformAdmin();
  const company = await makeCompany(admin, '大型物业');
  const companyAdmin = await makeUser('COMPANY_ADMIN', company.id);
  staff = await makeUser('COMPANY_STAFF', company.id);
  shop = await makeShop(admin, { ...companyAdmin, companyId: company.id });
  // Another company's payment, interleaved in serial number order, must never appear.
  const other = await makeCompany(admin, '别家物业');
  await insertPayment(await makeShop(admin, { ...(await makeUser('COMPANY_ADMIN', other.id)), companyId: other.id }), { createdAt: new Date('2026-12-01T02:00:00.000Z') });
  await db().$executeRaw`
    INSERT INTO "Order" ("id", "appId", "merchantId", "companyId", "orderNo", "amount", "subject", "status", "lastAttemptAt", "createdAt", "updatedAt")
    SELECT 'ord_scale_' || i, ${shop.appId}, ${shop.merchantId}, ${shop.companyId}, 'SCALE-' || i, 100 + i % 100000, '物业费 2026-12', 'PAID'::"OrderStatus", now(), now(), now()
      FROM generate_series(1, ${ROWS}) AS i`;
  await db().$executeRaw`
    INSERT INTO "Payment" ("serialNo", "orderId", "appId", "merchantId", "companyId", "paymentChannelId", "channel", "invokeMethod", "executionMethod",
                           "amount", "subject", "status", "channelTradeNo", "livemode", "metadata", "requestHash", "expiresAt", "paidAt", "createdAt", "updatedAt")
    SELECT 'P20261201100000000' || lpad(i::text, 13, '0'), 'ord_scale_' || i, ${shop.appId}, ${shop.merchantId}, ${shop.companyId}, ${shop.paymentChannelId},
           'ALIPAY'::"Channel", 'PC'::"InvokeMethod", 'alipay.trade.page.pay', 100 + i % 100000, '物业费 2026-12', 'SUCCEEDED'::"PaymentStatus",
           '2026120122' || lpad(i::text, 12, '0'), false, '{}', 'scale-' || i, now(), now(), now(), now()
      FROM generate_series(1, ${ROWS}) AS i`;
}, 120_000);

describe('a large export', () => {
  it('streams every row once with bounded heap growth', async () => {
    const file = await exportPaymentsCsv({ actor: staff, input: exportQuery.parse({}), heading: (column) => column });
    expect(file.totalRows).toBe(ROWS);
    const reader = file.content.getReader();
    let baseline = 0;
    let peak = 0;
    let chunks = 0;
    let bytes = 0;
    let lines = 0;
    let last = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = Buffer.from(value).toString('utf8');
      lines += text.split('\r\n').length - 1;
      // Serial numbers arrive in increasing order, so each appears once.
      const first = text.split('\r\n').find((line) => line.startsWith('P'));
      if (first) {
        expect(first > last).toBe(true);
        last = text.trimEnd().split('\r\n').at(-1)!;
      }
      // After the first batches have warmed the client up (query plans, caches: a fixed few MB), the
      // live heap must stay flat while the rest of the file passes.
      chunks++;
      if (chunks === 20) baseline = liveHeap();
      else if (chunks % 20 === 0 && chunks > 20) peak = Math.max(peak, liveHeap() - baseline);
    }
    expect(lines).toBe(ROWS + 1);
    expect(bytes).toBeGreaterThan(15 * 1024 * 1024);
    // A buffered file would hold what passed at least (about 4/5 of its bytes); one batch is 1/100.
    expect(chunks).toBeGreaterThan(100);
    expect(peak).toBeLessThan(bytes / 4);
  }, 120_000);
});
