import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PayCenterClient } from './client.ts';
import { PayCenterError } from './errors.ts';
import { backoffMs } from './retry.ts';
import { canonicalRequest, hmacSha256Hex, signRequest } from './signature.ts';

describe('the typed client’s request signing', () => {
  it('is the signature the server checks', () => {
    const parts = { method: 'post', pathWithQuery: '/api/v1/payments?x=1', timestamp: '1764576000', nonce: 'q7Xw2LmN9pRtV4sZ', rawBody: '{"amount":1000}' };
    const server = hmacSha256Hex('pcs_secret', canonicalRequest(parts));
    expect(signRequest({ secret: 'pcs_secret', ...parts })).toBe(server);
  });

  it('sends the four headers with a fresh nonce each time', () => {
    const client = new PayCenterClient({ baseUrl: 'http://127.0.0.1', appId: 'app_1', secret: 'pcs_secret' });
    const [a, b] = [client.signedHeaders('GET', '/api/v1/events', ''), client.signedHeaders('GET', '/api/v1/events', '')];
    expect(Object.keys(a).sort()).toEqual(['X-PayCenter-App-Id', 'X-PayCenter-Nonce', 'X-PayCenter-Signature', 'X-PayCenter-Timestamp']);
    expect(a['X-PayCenter-Nonce']).not.toBe(b['X-PayCenter-Nonce']);
    expect(a['X-PayCenter-Signature']).toBe(
      signRequest({ secret: 'pcs_secret', method: 'GET', pathWithQuery: '/api/v1/events', timestamp: a['X-PayCenter-Timestamp']!, nonce: a['X-PayCenter-Nonce']!, rawBody: '' }),
    );
  });
});

/** A local server answering each request with the next of `answers` (status, body), recording what it got. */
async function scriptedServer(answers: Array<[number, unknown]>) {
  const seen: Array<{ method: string; url: string; nonce: string }> = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method!, url: request.url!, nonce: String(request.headers['x-paycenter-nonce']) });
    const [status, body] = answers.shift() ?? [500, { error: { code: 'INTERNAL_ERROR', message: 'no more answers' } }];
    if (status === 0) return request.socket.destroy();
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { seen, client: new PayCenterClient({ baseUrl, appId: 'app_1', secret: 'pcs_secret', retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } }), close: () => server.close() };
}

const payment = { serialNo: 'P1', status: 'PENDING' };

describe('the client’s retries', () => {
  it('asks an idempotent call again after a dropped connection and a 503, newly signed each time', async () => {
    const server = await scriptedServer([
      [0, null],
      [503, 'busy'],
      [200, { payment }],
    ]);
    try {
      await expect(server.client.getPayment('P1', { sync: true })).resolves.toEqual({ payment });
      expect(server.seen.map((request) => request.url)).toEqual(Array(3).fill('/api/v1/payments/P1?sync=true'));
      expect(new Set(server.seen.map((request) => request.nonce)).size).toBe(3);
    } finally {
      server.close();
    }
  });

  it('answers the last failure as a PayCenterError with the contract’s code once the tries are used up', async () => {
    const server = await scriptedServer([]);
    try {
      const error = await server.client.createRefund('P1', { refundNo: 'R1', amount: 1 }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(PayCenterError);
      expect(error).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
      expect(server.seen).toHaveLength(3);
    } finally {
      server.close();
    }
  });

  it('never repeats a CHANNEL_ERROR (a recorded, FAILED attempt), a contract refusal, or a call that is not idempotent', async () => {
    const channelError = { error: { code: 'CHANNEL_ERROR', message: 'rejected', details: { channelCode: 'ACQ.SYSTEM_ERROR' } } };
    const server = await scriptedServer([
      [502, channelError],
      [409, { error: { code: 'ORDER_ALREADY_PAID', message: 'paid' } }],
      [500, { error: { code: 'INTERNAL_ERROR', message: 'oops' } }],
    ]);
    try {
      const input = { merchantId: 'm1', orderNo: 'A1', amount: 1, currency: 'CNY' as const, subject: 's', invokeMethod: 'PC' as const };
      await expect(server.client.createPayment(input)).rejects.toMatchObject({ status: 502, code: 'CHANNEL_ERROR', details: { channelCode: 'ACQ.SYSTEM_ERROR' } });
      await expect(server.client.closePayment('P1')).rejects.toMatchObject({ status: 409, code: 'ORDER_ALREADY_PAID' });
      await expect(server.client.sandboxPay('P1')).rejects.toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
      expect(server.seen.map((request) => `${request.method} ${request.url}`)).toEqual(['POST /api/v1/payments', 'POST /api/v1/payments/P1/close', 'POST /api/v1/sandbox/payments/P1/pay']);
    } finally {
      server.close();
    }
  });

  it('waits a random time up to the doubling bound, never past the maximum', () => {
    const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 300 };
    expect([0, 1, 2, 3].map((retry) => backoffMs(policy, retry, () => 0.999))).toEqual([99, 199, 299, 299]);
    expect(backoffMs(policy, 3, () => 0)).toBe(0);
  });
});
