// Two PayCenter server processes on one database: splits and refunds of one WeChat Pay payment sent to
// both at once, the refunds taking split money back from receivers, keep splits − returns + refunds
// within the paid amount, with our books and the simulator's agreeing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateAppSecret } from '@/server/backend/apps/rotate-app-secret';
import { registerSplitReceiver } from '@/server/backend/splits/split-receivers';
import { db } from '@/server/db/client';
import { appApiClient } from '@/server/testing/app-api-client';
import { paidWechatPayment, splitTenant, type SplitTenant } from '@/server/testing/split-payments';
import { expectExactSplitBooks, settledRefund } from '@/server/testing/split-refunds';
import { spawnAppServer, type SpawnedAppServer } from '@/server/testing/spawn-app-server';

let first: SpawnedAppServer;
let second: SpawnedAppServer;
let tenant: SplitTenant;
let secret: string;
let receivers: string[];

beforeAll(async () => {
  // The first instance serves the public base URL (channel callbacks, the simulator); the second any port.
  [first, second] = await Promise.all([spawnAppServer({ port: Number(new URL(process.env.PAYCENTER_BASE_URL!).port) }), spawnAppServer({ port: 0 })]);
  tenant = await splitTenant({ baseUrl: first.baseUrl });
  const repairs = await registerSplitReceiver({
    actor: tenant.companyAdmin,
    input: { paymentId: tenant.wechatPaymentId, accountType: 'MERCHANT_ID', account: '1900000110', name: '万家维修服务有限公司', relationType: 'SUPPLIER' },
  });
  receivers = [tenant.receiverIds[0], repairs.id];
  // The fixture's client keeps its secret to itself; this test signs for both instances.
  secret = (await rotateAppSecret({ actor: tenant.admin, input: { appId: tenant.app.id } })).secret;
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

describe('refunds of split payments on two server processes', () => {
  it('20 splits and refunds over both instances at once: never more than paid, the books exact', async () => {
    const [a, b] = [first, second].map((instance) => appApiClient({ baseUrl: instance.baseUrl, appId: tenant.app.id, secret }));
    const { serialNo } = await paidWechatPayment({ ...tenant, client: a! }, { amount: 2_000 });
    const pre = await a!.request('POST', `/api/v1/payments/${serialNo}/splits`, { splitNo: `PRE-${serialNo.slice(-8)}`, receivers: receivers.map((receiverId) => ({ receiverId, amount: 150, description: '分成' })) });
    expect(pre.body.split.status).toBe('SUCCEEDED');

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const client = i % 4 < 2 ? a! : b!;
        return i % 2
          ? client.request('POST', `/api/v1/payments/${serialNo}/splits`, { splitNo: `S2-${serialNo.slice(-8)}-${i}`, receivers: [{ receiverId: receivers[(i >> 1) % 2], amount: 60, description: '并发' }] })
          : client.request('POST', `/api/v1/payments/${serialNo}/refunds`, { refundNo: `R2-${serialNo.slice(-8)}-${i}`, amount: 250 });
      }),
    );
    expect(answers.every((answer) => answer.status === 201 || answer.status === 422)).toBe(true);
    for (const refused of answers.filter((answer) => answer.status === 422)) expect(['REFUND_AMOUNT_EXCEEDED', 'SPLIT_AMOUNT_EXCEEDED']).toContain(refused.body.error.code);
    const refunds = await db().refund.findMany({ where: { serialNo } });
    await Promise.all(refunds.map((refund) => settledRefund(refund.refundSerialNo)));
    expect(await db().splitReturn.count({ where: { line: { split: { serialNo } }, status: 'SUCCEEDED' } })).toBeGreaterThan(0);
    await expectExactSplitBooks(serialNo);
  });
});
