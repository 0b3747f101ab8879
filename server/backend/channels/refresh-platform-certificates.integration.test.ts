// The daily refresh of WeChat Pay platform certificates against the simulator, served where
// PAYCENTER_BASE_URL points (as loadChannelAccount addresses it): only enabled PLATFORM_CERT channels
// are asked, new certificates join the whitelist, one broken channel stops no other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/sandbox/wechatpay/v3/[...path]/route';
import { db } from '@/server/db/client';
import { sandboxPlatformCertificate } from '@/server/sandbox/wechatpay';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { activateChannel } from './activate-channel';
import { refreshPlatformCertificates } from './refresh-platform-certificates';

let simulator: RunningServer;
const ids: Record<'broken' | 'trusted' | 'empty' | 'publicKey' | 'disabled', string> = { broken: '', trusted: '', empty: '', publicKey: '', disabled: '' };

beforeAll(async () => {
  const port = Number(new URL(process.env.PAYCENTER_BASE_URL!).port);
  simulator = await serveWebHandler(
    async (request) => (new URL(request.url).pathname.startsWith('/sandbox/wechatpay/v3/') ? (request.method === 'POST' ? POST(request) : GET(request)) : new Response('Not Found', { status: 404 })),
    { port },
  );
  const admin = await platformAdmin();
  const companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(admin)).id);
  const merchant = await createMerchant({ actor: companyAdmin, input: { name: '花园小区', description: null } });
  const activate = async (wechatVerifyMode: 'PLATFORM_CERT' | 'PUBLIC_KEY') =>
    (await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR'], wechatVerifyMode } })).paymentId;
  // Created first, so the refresh meets the failure before the others.
  ids.broken = await activate('PLATFORM_CERT');
  ids.trusted = await activate('PLATFORM_CERT');
  ids.empty = await activate('PLATFORM_CERT');
  ids.publicKey = await activate('PUBLIC_KEY');
  ids.disabled = await activate('PLATFORM_CERT');
  // WeChat no longer recognises the broken channel's merchant certificate: its requests are refused.
  await db().sandboxAccount.update({ where: { paymentChannelId: ids.broken }, data: { merchantSerial: 'ABCDEF0123456789' } });
  // The empty channel's certificate was revoked: it has to bootstrap from the download.
  await db().trustedCertificate.updateMany({ where: { paymentChannelId: ids.empty }, data: { revokedAt: new Date() } });
  await db().paymentChannel.update({ where: { id: ids.disabled }, data: { status: 'DISABLED' } });
});

afterAll(() => simulator?.close());

const downloaded = (paymentChannelId: string) => db().trustedCertificate.findMany({ where: { paymentChannelId, source: 'DOWNLOADED', revokedAt: null } });

describe('refreshPlatformCertificates', () => {
  it('adds downloaded certificates to the whitelists of enabled PLATFORM_CERT channels, past a failing one', async () => {
    expect(await refreshPlatformCertificates()).toEqual({ checked: 3, added: 1, failed: 1 });
    const platform = await sandboxPlatformCertificate();
    const [added] = await downloaded(ids.empty);
    expect(added).toMatchObject({ kind: 'CERTIFICATE', serial: platform.serial, validTo: new Date(platform.certificate.validTo) });
    expect(await downloaded(ids.trusted)).toEqual([]);
    expect(await downloaded(ids.publicKey)).toEqual([]);
    expect(await downloaded(ids.disabled)).toEqual([]);

    // Nothing new the second time.
    expect(await refreshPlatformCertificates()).toEqual({ checked: 3, added: 0, failed: 1 });
    expect(await downloaded(ids.empty)).toHaveLength(1);
  });
});
