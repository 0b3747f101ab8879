import { describe, expect, it } from 'vitest';
import { PayCenterClient } from './paycenter-client';
import { canonicalRequest, hmacSha256Hex, signRequest } from './signature';

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
