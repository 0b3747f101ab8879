import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/sandbox/wechatpay/v3/[...path]/route';
import { testEngine } from '@/inngest/testing';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { db } from '@/server/db/client';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';
import { scheduledJobFunctions } from './scheduled-jobs';

const refreshWechatpayCertificatesJob = scheduledJobFunctions['wechatpay-certificates-refresh']!;

// The WeChat Pay simulator served where PAYCENTER_BASE_URL points, as a sandbox channel addresses it.
let simulator: RunningServer;
let paymentChannelId: string;

beforeAll(async () => {
  const port = Number(new URL(process.env.PAYCENTER_BASE_URL!).port);
  simulator = await serveWebHandler(async (request) => (new URL(request.url).pathname.startsWith('/sandbox/wechatpay/v3/') ? GET(request) : new Response('Not Found', { status: 404 })), { port });
  const admin = await platformAdmin();
  const companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(admin)).id);
  const merchant = await createMerchant({ actor: companyAdmin, input: { name: '花园小区', description: null } });
  ({ paymentId: paymentChannelId } = await activateChannel({
    actor: companyAdmin,
    input: { merchantId: merchant.id, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR'], wechatVerifyMode: 'PLATFORM_CERT' },
  }));
  // Activated before WeChat's certificate was known: the refresh brings it.
  await db().trustedCertificate.updateMany({ where: { paymentChannelId }, data: { revokedAt: new Date() } });
});

afterAll(() => simulator?.close());

describe('WeChat Pay certificate refresh on Inngest', () => {
  it('the daily cron downloads the platform certificate into the whitelist', async () => {
    const { result } = await testEngine(refreshWechatpayCertificatesJob).engine.execute({ events: [{ name: 'inngest/scheduled.timer', data: {} }] });
    expect(result).toEqual({ checked: 1, added: 1, failed: 0 });
    expect(await db().trustedCertificate.count({ where: { paymentChannelId, source: 'DOWNLOADED', revokedAt: null } })).toBe(1);
  });

  it('runs on demand through its event, adding nothing twice', async () => {
    const { result } = await testEngine(refreshWechatpayCertificatesJob).engine.execute({ events: [{ name: 'wechatpay/certificates.refresh', data: {} }] });
    expect(result).toEqual({ checked: 1, added: 0, failed: 0 });
  });
});
