// The IP allowlist behind a trusted reverse proxy: here the test client's own address, 127.0.0.1,
// is configured as that proxy, so X-Forwarded-For is read from the right.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/server/db/client';
import { registerApp } from '@/server/backend/apps/register-app';
import { appApiClient } from '@/server/testing/app-api-client';
import { startAppServer } from '@/server/testing/app-server';
import { platformAdmin } from '@/server/testing/fixtures';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { appRoute } from './app-route';

// Before the first env() call of this file's process.
vi.stubEnv('PAYCENTER_TRUSTED_PROXIES', '127.0.0.1, 192.0.2.0/24');

const echo = appRoute(async ({ clientIp }) => ({ status: 200, body: { clientIp } }));

let server: RunningServer;
beforeAll(async () => {
  server = await startAppServer({ routes: { '/api/v1/test/echo': { GET: echo } } });
});
afterAll(() => server?.close());

async function clientOf(ipAllowlist: string[]) {
  const { app, secret } = await registerApp({
    actor: await platformAdmin(),
    input: { name: `收费系统 ${Math.random().toString(36).slice(2, 8)}`, description: null, defaultNotifyUrl: 'https://fee.example.com/hooks', ipAllowlist },
  });
  const client = appApiClient({ baseUrl: server.baseUrl, appId: app.id, secret });
  return { app, from: (forwardedFor: string | null) => client.request('GET', '/api/v1/test/echo', undefined, { headers: { 'X-Forwarded-For': forwardedFor } }) };
}

describe('client address behind a trusted proxy', () => {
  it('lets in the address the proxy forwarded', async () => {
    const { from } = await clientOf(['10.9.9.9']);
    const allowed = await from('10.9.9.9');
    expect(allowed.status).toBe(200);
    expect(allowed.body.clientIp).toBe('10.9.9.9');
  });

  it('takes the right-most untrusted hop of a spoofed chain', async () => {
    const { from } = await clientOf(['10.9.9.9']);
    // What the client wrote stays on the left; the proxy appended the address it really saw.
    for (const chain of ['10.9.9.9, 203.0.113.66', '10.9.9.9, 203.0.113.66, 192.0.2.10', '10.9.9.9, garbage']) {
      const refused = await from(chain);
      expect(refused.status, chain).toBe(403);
      expect(refused.body.error.code).toBe('IP_NOT_ALLOWED');
    }
    expect((await from('203.0.113.66, 10.9.9.9, 192.0.2.10')).body.clientIp).toBe('10.9.9.9');
  });

  it('enforces the IP allowlist with exact addresses and CIDR ranges, IPv4 and IPv6', async () => {
    const { app, from } = await clientOf(['203.0.113.0/24', '198.51.100.7', '2001:db8:abcd::/48']);
    for (const address of ['203.0.113.9', '198.51.100.7', '2001:db8:abcd:1::9', '10.0.0.1, 203.0.113.200', '::ffff:203.0.113.5']) {
      expect((await from(address)).status, address).toBe(200);
    }
    // Without a forwarded address the client is the proxy itself, 127.0.0.1, which is not listed.
    for (const address of ['203.0.114.1', '198.51.100.8', '2001:db8:abce::9', '203.0.113.200, 10.0.0.1', null]) {
      const refused = await from(address);
      expect(refused.status, String(address)).toBe(403);
      expect(refused.body.error.code).toBe('IP_NOT_ALLOWED');
    }
    expect(await db().apiNonce.count({ where: { appId: app.id } })).toBe(5);
  });
});
