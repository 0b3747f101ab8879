// What the production server (scripts/serve.ts in front of Next) answers before any route reads a
// request, found by the fuzz suites (*.fuzz.integration.test.ts) and answered there through the same
// code: a method no route serves, a token node's parser refuses, a doubled slash, broken
// percent-escapes. Each in its door's format, never Next's bare 400/405 or a 308.
import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

function send(method: string, path: string): Promise<{ status: number; type: string; text: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: url.hostname, port: url.port, method, path }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.once('end', () => resolve({ status: incoming.statusCode ?? 0, type: String(incoming.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.once('error', reject);
    outgoing.end();
  });
}

describe('refused at the door, in the door’s format', () => {
  it.each([
    ['PROPFIND', '/api/v1/payments', 405, 'METHOD_NOT_ALLOWED'],
    ['BREW', '/api/v1/payments', 400, 'INVALID_REQUEST'],
    ['GET', '/api/v1//payments', 400, 'INVALID_REQUEST'],
    ['GET', '/api/v1/payments/%E0%A4%A', 400, 'INVALID_REQUEST'],
    ['PUT', '/api/channels/nochannel/notify/pay_x', 405, 'METHOD_NOT_ALLOWED'],
    ['POST', '/api/channels/nochannel/notify/pay_x', 404, 'NOT_FOUND'],
  ])('%s %s: %i %s', async (method, path, status, code) => {
    const answer = await send(method, path);
    expect(answer.status).toBe(status);
    expect(answer.type).toContain('application/json');
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code } });
  });

  it('a channel callback with a foreign method or a wrong one: the channel’s own "not accepted"', async () => {
    for (const method of ['PROPFIND', 'PUT']) {
      const answer = await send(method, '/api/channels/alipay/notify/pay_unknown');
      expect(answer.status, method).toBeGreaterThanOrEqual(400);
      expect(answer.text, method).toBe('fail');
    }
  });

  it('tRPC: a path naming no procedure is NOT_FOUND with its contract code', async () => {
    const answer = await send('GET', '/api/trpc/no.such.procedure?input=%7B%7D');
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { json: { data: { appCode: 'NOT_FOUND' } } } });
  });

  it('a checkout link cut short in the middle of an escape: a 400 page a person can read', async () => {
    const answer = await send('GET', '/checkout/P2026%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('text/html');
    expect(answer.text).toContain('链接无效');
  });

  it('a page with a foreign method: a plain 405, no stack, no framework page', async () => {
    const answer = await send('PROPFIND', '/login');
    expect(answer.status).toBe(405);
    expect(answer.text).toBe('Method Not Allowed');
  });
});
