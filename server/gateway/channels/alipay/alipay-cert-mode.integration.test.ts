// The Alipay plugin in public-key-certificate mode end to end, through the real alipay-sdk against the
// simulator's own CA: a full payment, Alipay renewing its certificate mid-way, and answers signed under
// a certificate that does not chain to the merchant's roots.
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { AlipaySdk, type AlipaySdkConfig } from 'alipay-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as gateway } from '@/app/sandbox/alipay/gateway.do/route';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { db } from '@/server/db/client';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { alipayCertSn, alipayRootCertSn } from '@/server/gateway/credentials/alipay-cert-sn';
import { parseFormParams } from '@/server/gateway/form-params';
import { parseRequest } from '@/server/gateway/request-parser';
import type { ChannelAccount, CreatePaymentInput } from '@/server/gateway/types';
import { randomBase62 } from '@/server/lib/ids';
import { payAlipayTrade, rotateAlipayCertificate } from '@/server/sandbox/alipay';
import { serveRouteHandlers, type RunningServer } from '@/server/sandbox/alipay/testing/serve-route-handlers';
import { buildSelfSignedCertificate, type DistinguishedName } from '@/server/sandbox/certificate/issue-certificate';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import type { AlipayCertCredentials } from './credentials';
import { alipayPlugin as plugin } from './index';

let server: RunningServer;
let paymentId: string;
const notifyBodies: string[] = [];
/** Every request the simulator received, its parameters as sent. */
const requests: URLSearchParams[] = [];
/** When set, what a man in the middle answers the certificate download with (unsigned, as Alipay's). */
let forgedDownload: string | null = null;

beforeAll(async () => {
  server = await serveRouteHandlers({
    '/sandbox/alipay/gateway.do': async (request) => {
      const params = new URL(request.url).searchParams;
      requests.push(params);
      if (forgedDownload && params.get('method') === 'alipay.open.app.alipaycert.download') {
        const content = Buffer.from(forgedDownload).toString('base64');
        return Response.json({ alipay_open_app_alipaycert_download_response: { code: '10000', msg: 'Success', alipay_cert_content: content } });
      }
      return gateway(request);
    },
    '/notify': async (request) => {
      notifyBodies.push(await request.text());
      return new Response('success');
    },
  });
  const admin = await platformAdmin();
  const companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(admin)).id);
  const merchant = await createMerchant({ actor: companyAdmin, input: { name: '证书小区', description: null } });
  const channel = await activateChannel({
    actor: companyAdmin,
    input: { merchantId: merchant.id, channel: 'ALIPAY', mode: 'SANDBOX', invokeMethods: ['PC', 'QR'], alipaySignMode: 'CERT' },
  });
  paymentId = channel.paymentId;
});

afterAll(() => server?.close());

/** The channel as the gateway loads it now, its simulator on this test's server. */
async function account(): Promise<ChannelAccount> {
  return { ...(await loadChannelAccount(paymentId)), endpoint: `${server.baseUrl}/sandbox/alipay` };
}

function certCredentials(of: ChannelAccount): AlipayCertCredentials {
  if (of.credentials.channel !== 'ALIPAY' || of.credentials.signMode !== 'CERT') throw new Error('expected an Alipay channel in certificate mode');
  return of.credentials;
}

const serial = () => `P${Date.now()}${randomBase62(12)}`;

const strangerKeyPem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
type NameType = DistinguishedName[number][0];

/** A certificate of somebody else's making, issued in whatever name they choose. */
function selfSigned(privateKeyPem: string, serialHex: string, issuer: DistinguishedName): string {
  const notBefore = new Date(Date.now() - 3600_000);
  return buildSelfSignedCertificate({ privateKeyPem, serialHex, issuer, subject: [['CN', 'Not Alipay']], notBefore, notAfter: new Date(notBefore.getTime() + 365 * 24 * 3600_000) }).toString();
}

function input(of: ChannelAccount, invokeMethod: 'PC' | 'QR', serialNo: string, amount: number): CreatePaymentInput {
  return {
    account: of,
    execution: parseRequest({ channel: 'ALIPAY', invokeMethod, enabled: ['PC', 'QR'] }),
    serialNo,
    amount,
    subject: '物业费 2026-12',
    expiresAt: new Date(Date.now() + 15 * 60_000),
    notifyUrl: `${server.baseUrl}/notify`,
    returnUrl: 'https://app.example/paid',
  };
}

async function payAndReadNotify(of: ChannelAccount, serialNo: string) {
  await payAlipayTrade({ appId: certCredentials(of).appId, outTradeNo: serialNo });
  const body = notifyBodies.at(-1)!;
  return { params: parseFormParams(body), check: plugin.parseNotification({ account: of, method: 'POST', headers: {}, query: '', body }) };
}

describe('Alipay certificate mode against the simulator', () => {
  it('activates with certificates the simulator issued: the whitelist holds Alipay’s certificate under its SN', async () => {
    const of = await account();
    const credentials = certCredentials(of);
    expect(of.trustedKeys).toEqual([expect.objectContaining({ serial: alipayCertSn(credentials.alipayPublicCert), certificatePem: expect.stringContaining('BEGIN CERTIFICATE') })]);
    const sandboxAccount = await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: paymentId } });
    // The simulator knows the app certificate's SN, never the app's private key.
    expect(sandboxAccount).toMatchObject({ appCertSn: alipayCertSn(credentials.appCert), accountId: credentials.appId });
  });

  it('the simulator refuses requests naming another app certificate or root bundle, or signed with another key', async () => {
    const credentials = certCredentials(await account());
    const stranger = strangerKeyPem();
    const foreignRoot = selfSigned(stranger, '1F'.repeat(16), [['CN', 'Somebody Else Root CA']]);
    const query = (changes: Partial<AlipaySdkConfig>) =>
      new AlipaySdk({
        appId: credentials.appId,
        privateKey: credentials.privateKey,
        keyType: 'PKCS8',
        gateway: `${server.baseUrl}/sandbox/alipay/gateway.do`,
        appCertContent: credentials.appCert,
        alipayPublicCertContent: credentials.alipayPublicCert,
        alipayRootCertContent: credentials.alipayRootCert,
        ...changes,
      }).exec('alipay.trade.query', { bizContent: { outTradeNo: serial() } }, { validateSign: true });

    // The answers, refusals included, verify with Alipay's certificate.
    expect(await query({})).toMatchObject({ code: '40004', subCode: 'ACQ.TRADE_NOT_EXIST' });
    // Alipay's own certificate given as the app's: a forged app_cert_sn.
    expect(await query({ appCertContent: credentials.alipayPublicCert })).toMatchObject({ code: '40002', subCode: 'isv.app-cert-not-exist' });
    expect(await query({ alipayRootCertContent: foreignRoot })).toMatchObject({ code: '40002', subCode: 'isv.invalid-alipay-root-cert-sn' });
    expect(await query({ privateKey: stranger })).toMatchObject({ code: '40002', subCode: 'isv.invalid-signature' });
    // Public key mode's request (no certificate SNs) to an app in certificate mode.
    const publicKeyMode = { appCertContent: undefined, alipayPublicCertContent: undefined, alipayRootCertContent: undefined, alipayPublicKey: new X509Certificate(credentials.alipayPublicCert).publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    expect(await query(publicKeyMode)).toMatchObject({ code: '40003', subCode: 'isv.missing-signature-config' });
  });

  it('pays in full: create, pay, verified notify naming Alipay’s certificate, query, refund', async () => {
    const of = await account();
    const credentials = certCredentials(of);
    const serialNo = serial();
    const created = await plugin.createPayment(input(of, 'PC', serialNo, 1200));
    expect(created.action.type).toBe('REDIRECT');
    const pageUrl = new URL((created.action as { url: string }).url);
    expect(pageUrl.searchParams.get('app_cert_sn')).toBe(alipayCertSn(credentials.appCert));
    expect(pageUrl.searchParams.get('alipay_root_cert_sn')).toBe(alipayRootCertSn(credentials.alipayRootCert));
    expect((await fetch(pageUrl, { redirect: 'manual' })).status).toBe(302);

    const { params, check } = await payAndReadNotify(of, serialNo);
    expect(params.alipay_cert_sn).toBe(alipayCertSn(credentials.alipayPublicCert));
    expect(check).toMatchObject({ verified: true, notification: { serialNo, state: 'SUCCEEDED', amount: 1200 } });

    expect(await plugin.queryPayment({ account: of, serialNo })).toMatchObject({ state: 'SUCCEEDED', amount: 1200 });
    expect(requests.at(-1)?.get('app_cert_sn')).toBe(alipayCertSn(credentials.appCert));
    const state = await plugin.queryPayment({ account: of, serialNo });
    const refund = { account: of, serialNo, channelTradeNo: state.channelTradeNo, totalAmount: 1200, refundSerialNo: `R${serialNo}`, amount: 200 };
    expect(await plugin.refund(refund)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await plugin.queryRefund({ account: of, serialNo, refundSerialNo: `R${serialNo}` })).toMatchObject({ state: 'SUCCEEDED' });
  });

  it('survives Alipay renewing its certificate: downloads the new one, trusts it by its chain, whitelists it', async () => {
    const before = await account();
    const serialNo = serial();
    await plugin.createPayment(input(before, 'QR', serialNo, 300));
    const renewed = await rotateAlipayCertificate();
    expect(renewed.sn).not.toBe(before.trustedKeys[0]!.serial);

    // Answers are now signed with the new key: the call still succeeds, after one download.
    expect(await plugin.queryPayment({ account: before, serialNo })).toMatchObject({ state: 'NOT_FOUND' });
    expect(requests.map((request) => request.get('method'))).toContain('alipay.open.app.alipaycert.download');
    const whitelist = await db().trustedCertificate.findMany({ where: { paymentChannelId: paymentId }, orderBy: { createdAt: 'asc' } });
    expect(whitelist.map((entry) => [entry.serial, entry.source])).toEqual([
      [before.trustedKeys[0]!.serial, 'ACTIVATION'],
      [renewed.sn, 'DOWNLOADED'],
    ]);

    // The next calls use the whitelisted certificate directly, and notifications signed with it verify.
    const after = await account();
    const downloads = () => requests.filter((request) => request.get('method') === 'alipay.open.app.alipaycert.download').length;
    const downloaded = downloads();
    const paid = serial();
    const created = await plugin.createPayment(input(after, 'PC', paid, 800));
    await fetch((created.action as { url: string }).url, { redirect: 'manual' });
    const { params, check } = await payAndReadNotify(after, paid);
    expect(params.alipay_cert_sn).toBe(renewed.sn);
    expect(check).toMatchObject({ verified: true, notification: { state: 'SUCCEEDED', amount: 800 } });
    // The channel loaded before the renewal does not trust the notification (the core then queries instead).
    expect(plugin.parseNotification({ account: before, method: 'POST', headers: {}, query: '', body: notifyBodies.at(-1)! })).toMatchObject({ verified: false, reason: 'BAD_SIGNATURE' });
    expect(await plugin.queryPayment({ account: after, serialNo: paid })).toMatchObject({ state: 'SUCCEEDED' });
    expect(downloads()).toBe(downloaded);
  });

  it('refuses a downloaded certificate that does not chain to the merchant’s roots, though it bears the right SN', async () => {
    const of = await account();
    const renewed = new X509Certificate((await rotateAlipayCertificate()).chainPem);
    // Somebody between us and Alipay answers the download with a certificate of their own key that copies
    // the renewed one's issuer and serial, hence its SN.
    forgedDownload = selfSigned(strangerKeyPem(), renewed.serialNumber, renewed.issuer.split('\n').map((line) => line.split('=') as [NameType, string]));
    try {
      const error = await plugin.queryPayment({ account: of, serialNo: serial() }).catch((e: unknown) => e);
      expect(error).toMatchObject({ channelCode: 'ALIPAY_CERT_UNTRUSTED', retryable: false });
      expect(await db().trustedCertificate.count({ where: { paymentChannelId: paymentId } })).toBe(2);
    } finally {
      forgedDownload = null;
    }
  });
});
