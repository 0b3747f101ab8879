// For integration tests: a registered sandbox Alipay app, the simulator's routes on a real HTTP server,
// a notify receiver on the same server, and the real alipay-sdk pointed at it.
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AlipaySdk } from 'alipay-sdk';
import { GET as gateway } from '@/app/sandbox/alipay/gateway.do/route';
import { GET as bill } from '@/app/sandbox/alipay/bill/route';
import { db } from '@/server/db/client';
import { parseFormParams } from '@/server/gateway/form-params';
import { newId } from '@/server/lib/ids';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';
import { serveRouteHandlers, type RunningServer } from './serve-route-handlers';

export interface AlipaySandboxHarness {
  server: RunningServer;
  appId: string;
  appPrivateKeyPem: string;
  simulatorKey: KeyObject;
  simulatorPublicKeyPem: string;
  sdk: AlipaySdk;
  sdkFor(options: { appId?: string; privateKeyPem?: string }): AlipaySdk;
  notifyUrl: string;
  /** Bodies received by the notify receiver, decoded. */
  notifies: Record<string, string>[];
  /** What the receiver answers next (default "success"). */
  notifyAnswers: string[];
}

function pem(key: KeyObject, type: 'pkcs8' | 'spki'): string {
  return key.export({ type, format: 'pem' }).toString();
}

export async function startAlipaySandbox(): Promise<AlipaySandboxHarness> {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const appId = `2021${String(Date.now()).slice(-12)}`;
  await db().sandboxAccount.create({
    data: { paymentChannelId: newId('pay'), channel: 'ALIPAY', accountId: appId, merchantPublicKeyPem: pem(app.publicKey, 'spki') },
  });
  const identity = await sandboxIdentity('ALIPAY');
  const notifies: Record<string, string>[] = [];
  const notifyAnswers: string[] = [];
  const server = await serveRouteHandlers({
    '/sandbox/alipay/gateway.do': gateway,
    '/sandbox/alipay/bill': bill,
    '/notify': async (request) => {
      notifies.push(parseFormParams(await request.text()));
      return new Response(notifyAnswers.shift() ?? 'success');
    },
  });
  const sdkFor = (options: { appId?: string; privateKeyPem?: string }) =>
    new AlipaySdk({
      appId: options.appId ?? appId,
      privateKey: options.privateKeyPem ?? pem(app.privateKey, 'pkcs8'),
      alipayPublicKey: identity.publicKeyPem,
      keyType: 'PKCS8',
      gateway: `${server.baseUrl}/sandbox/alipay/gateway.do`,
    });
  return {
    server,
    appId,
    appPrivateKeyPem: pem(app.privateKey, 'pkcs8'),
    simulatorKey: createPublicKey(identity.publicKeyPem),
    simulatorPublicKeyPem: identity.publicKeyPem,
    sdk: sdkFor({}),
    sdkFor,
    notifyUrl: `${server.baseUrl}/notify`,
    notifies,
    notifyAnswers,
  };
}
