// Issue 23: generated hostile requests to every app API route, signed and not: wrong methods, broken
// percent-encoding, NUL and control characters, prototype keys, numbers past every range, bodies that
// are not JSON, wrong content types, tampered signature headers. None may answer 5xx or outside the
// contract's error shape, and none that is refused may change anything.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSerialNo } from '@/server/core/serial-numbers';
import { startAppServer } from '@/server/testing/app-server';
import { contractErrorProblem } from '@/server/testing/fuzz/contract-error';
import { changedTables, databaseFingerprint, settledFingerprint } from '@/server/testing/fuzz/database-fingerprint';
import { fuzzRuns, fuzzSeed } from '@/server/testing/fuzz/fuzz-settings';
import { anyContentType, anyMethod, encodeText, garbageBody, hostileHeaderValue, hostileJson, hostileKey, hostileSegment, hostileString } from '@/server/testing/fuzz/hostile-values';
import { jsonTextOf, mutate, pathsOf, toJsonText, type JsonMutation, type JsonText } from '@/server/testing/fuzz/json-text';
import { sendRaw, type RawRequest } from '@/server/testing/fuzz/raw-request';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';

interface Known {
  tenant: PaymentsTenant;
  pendingSerialNo: string;
  paidSerialNo: string;
  refundSerialNo: string;
  orderNo: string;
}

interface RouteCase {
  method: string;
  /** Path segments; a function of what exists, so the generated requests reach past the lookups. */
  segments: (k: Known) => string[];
  query?: (k: Known) => Array<[string, string]>;
  body?: (k: Known) => unknown;
}

const ROUTES: RouteCase[] = [
  { method: 'POST', segments: () => ['payments'], body: (k) => paymentRequest(k.tenant, { returnUrl: 'https://fee.example.com/paid', metadata: { room: '3-2-1201' }, payer: { clientIp: '203.0.113.9' } }) },
  { method: 'GET', segments: () => ['payments'], query: (k) => [['merchantId', k.tenant.merchantId], ['orderNo', k.orderNo]] },
  { method: 'GET', segments: () => ['payments'], query: () => [['channelTradeNo', '2026120722001400000000000001']] },
  { method: 'GET', segments: (k) => ['payments', k.paidSerialNo], query: () => [['sync', 'true']] },
  { method: 'POST', segments: (k) => ['payments', k.pendingSerialNo, 'close'] },
  { method: 'POST', segments: (k) => ['payments', k.paidSerialNo, 'refunds'], body: () => ({ refundNo: 'RF-FUZZ', amount: 1, reason: '退款' }) },
  { method: 'POST', segments: (k) => ['payments', k.paidSerialNo, 'splits'], body: () => ({ splitNo: 'SP-FUZZ', receivers: [{ receiverId: 'rcv_fuzz', amount: 1, description: '服务费' }], finish: false }) },
  { method: 'POST', segments: (k) => ['payments', k.paidSerialNo, 'splits', 'finish'] },
  { method: 'GET', segments: (k) => ['refunds', k.refundSerialNo] },
  { method: 'GET', segments: () => ['splits', newSerialNo('S')] },
  { method: 'GET', segments: () => ['events'], query: () => [['after', '0'], ['limit', '10']] },
  { method: 'GET', segments: () => ['statements'], query: (k) => [['merchantId', k.tenant.merchantId], ['date', '2026-12-07'], ['limit', '100']] },
  { method: 'POST', segments: (k) => ['sandbox', 'payments', k.pendingSerialNo, 'fail'] },
  { method: 'GET', segments: () => ['no-such-route'] },
];

const FIELD_NAMES = ['merchantId', 'paymentId', 'orderNo', 'amount', 'currency', 'subject', 'invokeMethod', 'returnUrl', 'notifyUrl', 'expiresInSeconds', 'payer', 'metadata', 'profitSharing', 'refundNo', 'reason', 'splitNo', 'receivers', 'finish'];

const mutationArb: fc.Arbitrary<{ at: number; mutation: JsonMutation }> = fc.record({
  at: fc.nat(),
  mutation: fc.oneof(
    fc.record({ op: fc.constant('replace' as const), value: hostileJson }),
    fc.record({ op: fc.constant('set' as const), key: fc.oneof(fc.constantFrom(...FIELD_NAMES), hostileKey), value: hostileJson }),
    fc.constant({ op: 'delete' as const }),
  ),
});

type Auth = 'signed' | 'unsigned' | 'wrong-secret' | 'stale' | 'garbled';

const generated = fc.record({
  route: fc.nat({ max: ROUTES.length - 1 }),
  method: fc.option(anyMethod, { freq: 4 }),
  segment: fc.option(fc.record({ at: fc.nat(), text: hostileSegment }), { freq: 3 }),
  tail: fc.constantFrom('', '', '', '', '', '/', '//', '/x', '/%', '/.'),
  query: fc.array(fc.record({ at: fc.nat(), key: fc.option(hostileKey.map(encodeText)), value: fc.oneof(hostileString.map(encodeText), hostileSegment) }), { maxLength: 2 }),
  body: fc.oneof(
    { arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }).map((mutations) => ({ mutations })), weight: 6 },
    { arbitrary: hostileJson.map((tree) => ({ tree })), weight: 2 },
    { arbitrary: garbageBody.map((text) => ({ text })), weight: 1 },
    { arbitrary: fc.constant({ text: '' }), weight: 1 },
  ),
  contentType: fc.option(anyContentType, { freq: 4 }),
  accept: fc.option(fc.constantFrom('text/csv', 'text/html', 'application/xml', '*/*'), { freq: 6 }),
  auth: fc.oneof({ arbitrary: fc.constant<Auth>('signed'), weight: 8 }, fc.constantFrom<Auth>('unsigned', 'wrong-secret', 'stale', 'garbled')),
  garbled: fc.record({ header: fc.constantFrom('X-PayCenter-App-Id', 'X-PayCenter-Timestamp', 'X-PayCenter-Nonce', 'X-PayCenter-Signature'), value: hostileHeaderValue }),
});

type Generated = typeof generated extends fc.Arbitrary<infer T> ? T : never;

function bodyOf(g: Generated, valid: unknown): string {
  if ('text' in g.body) return g.body.text;
  if ('tree' in g.body) return jsonTextOf(g.body.tree);
  let tree: JsonText | undefined = toJsonText(valid ?? {});
  for (const { at, mutation } of g.body.mutations) {
    if (!tree) break;
    const paths = pathsOf(tree);
    tree = mutate(tree, paths[at % paths.length]!, mutation);
  }
  return tree ? jsonTextOf(tree) : '';
}

function requestOf(g: Generated, known: Known): RawRequest {
  const route = ROUTES[g.route]!;
  const segments = route.segments(known).map(encodeText);
  if (g.segment) segments[g.segment.at % segments.length] = g.segment.text;
  const query = (route.query?.(known) ?? []).map(([k, v]): [string, string] => [encodeText(k), encodeText(v)]);
  for (const change of g.query) {
    if (change.key !== null || query.length === 0) query.push([change.key ?? 'x', change.value]);
    else query[change.at % query.length]![1] = change.value;
  }
  const path = `/api/v1/${segments.join('/')}${g.tail}${query.length ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`;
  const method = g.method ?? route.method;
  const body = route.body || g.method ? bodyOf(g, route.body?.(known)) : '';
  const headers: Record<string, string> = {};
  if (g.contentType !== null) headers['content-type'] = g.contentType;
  else if (body) headers['content-type'] = 'application/json';
  if (g.accept !== null) headers.accept = g.accept;
  const { client } = known.tenant;
  if (g.auth !== 'unsigned') {
    const signed = client.signedHeaders(method, path, body, {
      ...(g.auth === 'wrong-secret' ? { secret: 'not-the-secret' } : {}),
      ...(g.auth === 'stale' ? { timestamp: Math.floor(Date.now() / 1000) - 3600 } : {}),
    });
    Object.assign(headers, signed);
    if (g.auth === 'garbled') headers[g.garbled.header] = g.garbled.value;
  }
  return { method, path, headers, body };
}

let server: RunningServer;
let known: Known;

beforeAll(async () => {
  server = await startAppServer();
  const tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  const pending = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant));
  const paid = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { amount: 100_000 }));
  await tenant.client.request('POST', `/api/v1/sandbox/payments/${paid.body.payment.serialNo}/pay`);
  const refund = await tenant.client.request('POST', `/api/v1/payments/${paid.body.payment.serialNo}/refunds`, { refundNo: 'RF-1', amount: 100 });
  if (pending.status !== 201 || paid.status !== 201 || refund.status !== 201) throw new Error('the fuzz suite could not set up its payments');
  known = { tenant, pendingSerialNo: pending.body.payment.serialNo, paidSerialNo: paid.body.payment.serialNo, refundSerialNo: refund.body.refund.refundSerialNo, orderNo: pending.body.payment.orderNo };
});

afterAll(() => server?.close());

describe('the app API under generated hostile requests', () => {
  const runs = fuzzRuns(0.5);
  it(`answers ${runs} of them without a 5xx, in the error shape, changing nothing when it refuses`, { timeout: 60 * 60_000 }, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        const sent = requestOf(g, known);
        const before = await databaseFingerprint();
        const answer = await sendRaw(server.baseUrl, sent);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = contractErrorProblem(answer, sent.method);
        if (problem) throw new Error(`${sent.method} ${sent.path.slice(0, 200)} ${problem}`);
        if (answer.status >= 400) {
          const changed = changedTables(before, await databaseFingerprint());
          if (changed.length) throw new Error(`${sent.method} ${sent.path.slice(0, 200)} was refused (${answer.status}) but changed ${changed.join(', ')}`);
        } else {
          // Let what a successful request started settle, so the next refusal is judged alone.
          await settledFingerprint();
        }
      }),
      { numRuns: runs, seed: fuzzSeed(1) },
    );
    // The generator reaches past the signature check: most requests are judged on their content.
    const count = (from: number, to: number) => [...statuses].filter(([status]) => status >= from && status < to).reduce((sum, [, n]) => sum + n, 0);
    expect(count(200, 300)).toBeGreaterThan(0);
    expect(count(400, 401) + count(402, 500)).toBeGreaterThan(count(401, 402));
  });
});
