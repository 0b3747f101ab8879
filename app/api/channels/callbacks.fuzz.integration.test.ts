// Issue 23: generated hostile callbacks to the channel notify routes. Each starts from a genuine
// callback of its channel (captured from the simulators) and is tampered with: fields changed,
// dropped or added, NUL and control characters, broken percent-encoding, signature headers
// garbled, another channel's or a made-up payment ID, wrong methods and content types. None may
// answer 5xx; each answer is in its channel's words; a refused callback changes nothing but its
// own capped record.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';
import { REJECTED_CONTENT_CAP, REJECTED_CONTENT_WINDOW } from '@/server/core/notifications/record-rejected-callback';
import { startAppServer } from '@/server/testing/app-server';
import { contractErrorProblem } from '@/server/testing/fuzz/contract-error';
import { changedTables, databaseFingerprint, settledFingerprint } from '@/server/testing/fuzz/database-fingerprint';
import { fuzzRuns, fuzzSeed } from '@/server/testing/fuzz/fuzz-settings';
import { anyContentType, anyMethod, encodeText, garbageBody, hostileHeaderValue, hostileJson, hostileKey, hostileSegment, hostileString } from '@/server/testing/fuzz/hostile-values';
import { jsonTextOf, mutate, pathsOf, toJsonText, type JsonMutation } from '@/server/testing/fuzz/json-text';
import { sendRaw, type RawAnswer, type RawRequest } from '@/server/testing/fuzz/raw-request';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant } from '@/server/testing/payments-api';

interface Genuine {
  channel: Channel;
  paymentId: string;
  method: string;
  query: string;
  headers: Record<string, string>;
  body: string;
}

const SEGMENTS: Record<Channel, string> = { ALIPAY: 'alipay', WECHATPAY: 'wechatpay', EASYPAY: 'easypay' };

/** The headers a channel's callback carries that matter; the rest (host, length, peer) belong to the connection. */
const KEPT_HEADERS = /^(content-type|user-agent|wechatpay-.*)$/;

let server: RunningServer;
let genuine: Genuine[];

/** One payment per channel paid in its simulator, and the callback each simulator then sent, as received. */
async function captureGenuineCallbacks(): Promise<Genuine[]> {
  const tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  const others = await Promise.all(
    (['WECHATPAY', 'EASYPAY'] as const).map((channel) => activateChannel({ actor: tenant.companyAdmin, input: { merchantId: tenant.merchantId, channel, mode: 'SANDBOX', invokeMethods: ['QR'] } })),
  );
  for (const paymentId of [tenant.paymentId, ...others.map((c) => c.paymentId)]) {
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { paymentId, invokeMethod: 'QR' }));
    const paid = await tenant.client.request('POST', `/api/v1/sandbox/payments/${created.body.payment.serialNo}/pay`);
    if (created.status !== 201 || paid.status !== 200) throw new Error(`could not pay a sandbox payment of ${paymentId}`);
  }
  for (let waited = 0; waited < 10_000; waited += 100) {
    const received = await db().channelNotification.findMany({ where: { verified: true }, distinct: ['channel'] });
    if (received.length === 3) {
      return received.map((n) => ({
        channel: n.channel,
        paymentId: n.paymentChannelId,
        method: n.method,
        query: n.query,
        headers: Object.fromEntries(Object.entries(n.headers as Record<string, string>).filter(([name]) => KEPT_HEADERS.test(name))),
        body: n.body,
      }));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the simulators did not notify all three payments');
}

const fieldMutation = fc.oneof(
  fc.record({ op: fc.constant('change' as const), at: fc.nat(), value: fc.oneof(hostileString.map(encodeText), hostileSegment) }),
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), key: hostileKey.map(encodeText), value: fc.oneof(hostileString.map(encodeText), hostileSegment) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat() }),
);

const jsonMutation: fc.Arbitrary<{ at: number; mutation: JsonMutation }> = fc.record({
  at: fc.nat(),
  mutation: fc.oneof(
    fc.record({ op: fc.constant('replace' as const), value: hostileJson }),
    fc.record({ op: fc.constant('set' as const), key: hostileKey, value: hostileJson }),
    fc.constant({ op: 'delete' as const }),
  ),
});

const generated = fc.record({
  base: fc.nat({ max: 2 }),
  channelSegment: fc.option(hostileSegment, { freq: 12 }),
  paymentId: fc.oneof({ arbitrary: fc.constant<'own' | 'other'>('own'), weight: 8 }, fc.constant<'own' | 'other'>('other'), hostileSegment.map((text) => ({ text }))),
  method: fc.option(anyMethod, { freq: 6 }),
  body: fc.oneof(
    { arbitrary: fc.array(fieldMutation, { minLength: 1, maxLength: 3 }).map((fields) => ({ fields })), weight: 5 },
    { arbitrary: fc.array(jsonMutation, { minLength: 1, maxLength: 3 }).map((json) => ({ json })), weight: 3 },
    { arbitrary: garbageBody.map((text) => ({ text })), weight: 1 },
    { arbitrary: fc.constant({ unchanged: true }), weight: 1 },
  ),
  header: fc.option(fc.record({ name: fc.constantFrom('wechatpay-signature', 'wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-serial', 'content-type'), value: fc.option(hostileHeaderValue) }), { freq: 3 }),
  contentType: fc.option(anyContentType, { freq: 8 }),
});

type Generated = typeof generated extends fc.Arbitrary<infer T> ? T : never;

/** Form fields changed as text, so broken escapes and repeated names reach the server as sent. */
function mutateForm(form: string, mutations: Extract<Generated['body'], { fields: unknown }>['fields']): string {
  const pairs = form.split('&').filter(Boolean);
  for (const m of mutations) {
    const at = 'at' in m && pairs.length ? m.at % pairs.length : 0;
    if (m.op === 'change' && pairs.length) pairs[at] = `${pairs[at]!.split('=')[0]}=${m.value}`;
    if (m.op === 'drop' && pairs.length) pairs.splice(at, 1);
    if (m.op === 'add') pairs.push(`${m.key}=${m.value}`);
    if (m.op === 'repeat' && pairs.length) pairs.push(pairs[at]!);
  }
  return pairs.join('&');
}

function bodyOf(g: Generated, base: Genuine): string {
  if ('text' in g.body) return g.body.text;
  if ('unchanged' in g.body) return base.body;
  if ('fields' in g.body) return mutateForm(base.body, g.body.fields);
  let tree = base.body.startsWith('{') ? toJsonText(JSON.parse(base.body)) : toJsonText({});
  for (const { at, mutation } of g.body.json) {
    const paths = pathsOf(tree);
    tree = mutate(tree, paths[at % paths.length]!, mutation) ?? { raw: 'null' };
  }
  return jsonTextOf(tree);
}

function requestOf(g: Generated): { sent: RawRequest; channel: Channel } {
  const base = genuine[g.base]!;
  const other = genuine[(g.base + 1) % genuine.length]!;
  const paymentId = g.paymentId === 'own' ? base.paymentId : g.paymentId === 'other' ? other.paymentId : g.paymentId.text;
  const headers = { ...base.headers };
  if (g.header) {
    if (g.header.value === null) delete headers[g.header.name];
    else headers[g.header.name] = g.header.value;
  }
  if (g.contentType !== null) headers['content-type'] = g.contentType;
  const path = `/api/channels/${g.channelSegment ?? SEGMENTS[base.channel]}/notify/${paymentId}${base.query ? `?${base.query}` : ''}`;
  return { sent: { method: g.method ?? base.method, path, headers, body: bodyOf(g, base) }, channel: base.channel };
}

/** Whether the answer is an acknowledgement, or else what is wrong with the refusal (null: a proper one). */
function judge(answer: RawAnswer, method: string): { accepted: boolean; problem: string | null } {
  const text = answer.text;
  const wechatFail = (() => {
    try {
      return (JSON.parse(text) as { code?: unknown }).code === 'FAIL';
    } catch {
      return false;
    }
  })();
  if (answer.status >= 500) return { accepted: false, problem: `answered ${answer.status}: ${text.slice(0, 120)}` };
  if ((answer.status === 200 && text === 'success') || answer.status === 204 || (answer.status === 200 && text === '')) return { accepted: true, problem: null };
  if (method === 'HEAD' || answer.status === 404 || answer.status === 405 || answer.status === 413 || text === 'fail' || wechatFail) return { accepted: false, problem: null };
  return { accepted: false, problem: `answered ${answer.status} outside the channel's words: ${text.slice(0, 120)}` };
}

function namesChannel(g: Generated): boolean {
  if (g.channelSegment === null) return true;
  try {
    return Object.values(SEGMENTS).includes(decodeURIComponent(g.channelSegment));
  } catch {
    return false;
  }
}

beforeAll(async () => {
  server = await startAppServer();
  genuine = await captureGenuineCallbacks();
});

afterAll(() => server?.close());

describe('the channel callback routes under generated hostile callbacks', () => {
  const runs = fuzzRuns(0.25);
  it(`answer ${runs} of them in the channel's words, without a 5xx, keeping nothing of a refused one beyond its cap`, { timeout: 60 * 60_000 }, async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        const { sent } = requestOf(g);
        const before = await databaseFingerprint();
        const answer = await sendRaw(server.baseUrl, sent);
        // A path naming no channel has no channel's words to answer in: the API's error shape then.
        const { accepted, problem } = namesChannel(g) ? judge(answer, sent.method) : { accepted: false, problem: contractErrorProblem(answer, sent.method) };
        if (problem) throw new Error(`${sent.method} ${sent.path.slice(0, 160)} ${problem}`);
        if (accepted) return void (await settledFingerprint());
        refused += 1;
        // A refusal raises (or counts again) its CALLBACK_REJECTED alert: checked below to stay one per subject.
        const changed = changedTables(before, await databaseFingerprint(), ['Alert']);
        if (changed.length) throw new Error(`${sent.method} ${sent.path.slice(0, 160)} was refused (${answer.status}) but changed ${changed.join(', ')}`);
      }),
      { numRuns: runs, seed: fuzzSeed(2) },
    );
    expect(refused).toBeGreaterThan(runs / 2);
    // However many were refused, each payment ID (or, for made-up IDs, each channel) kept at most the cap in full per window.
    const overCap = await db().$queryRawUnsafe<Array<{ key: string; kept: number }>>(`
      SELECT CASE WHEN pc.id IS NULL THEN n.channel::text ELSE n."paymentChannelId" END AS "key", count(*)::int AS "kept"
      FROM "ChannelNotification" n LEFT JOIN "PaymentChannel" pc ON pc.id = n."paymentChannelId" AND pc.channel = n.channel
      WHERE n.outcome = 'REJECTED' AND n."contentStored"
      GROUP BY 1, date_bin('${REJECTED_CONTENT_WINDOW}'::interval, n."receivedAt", TIMESTAMPTZ 'epoch')
      HAVING count(*) > ${REJECTED_CONTENT_CAP}`);
    expect(overCap).toEqual([]);
    // One alert per payment ID called, or per channel for made-up IDs: a flood is counted, not multiplied.
    const alerts = await db().alert.groupBy({ by: ['subject'], where: { kind: 'CALLBACK_REJECTED' }, _count: true });
    expect(alerts.every((a) => a._count === 1)).toBe(true);
    expect(alerts.length).toBeLessThanOrEqual(genuine.length * 2);
  });
});
