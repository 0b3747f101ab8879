// Issue 23: generated hostile calls to every tRPC procedure of the dashboard, over HTTP as the
// browser makes them, by every role and by nobody: inputs built from each procedure's own field
// names with hostile values and the tenant's real identifiers, unwrapped or broken encodings,
// batches, wrong methods, procedures that do not exist. None may answer 5xx; every error carries
// one of the contract's codes; a refused call changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@/server/api/root';
import { serveTrpc } from '@/server/api/trpc-http';
import type { SessionUser } from '@/server/auth/current-user';
import { ERROR_CODES } from '@/server/errors/error-codes';
import { startAppServer } from '@/server/testing/app-server';
import { makeUser } from '@/server/testing/fixtures';
import { changedTables, databaseFingerprint, settledFingerprint } from '@/server/testing/fuzz/database-fingerprint';
import { fuzzRuns, fuzzSeed } from '@/server/testing/fuzz/fuzz-settings';
import { encodeText, garbageBody, hostileJson, hostileKey, hostileSegment } from '@/server/testing/fuzz/hostile-values';
import { jsonTextOf, type JsonText } from '@/server/testing/fuzz/json-text';
import { sendRaw, type RawAnswer } from '@/server/testing/fuzz/raw-request';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant } from '@/server/testing/payments-api';

interface ProcedureDef {
  _def: { type: string; inputs: Array<{ shape?: Record<string, unknown> }> };
}

const definitionOf = (procedure: unknown) => (procedure as ProcedureDef)._def;

const procedures = Object.entries(appRouter._def.procedures).map(([path, procedure]) => ({
  path,
  type: definitionOf(procedure).type,
  // The procedure's own field names, so generated inputs get past "unknown key" to the checks behind it.
  fields: Object.keys(definitionOf(procedure).inputs[0]?.shape ?? {}),
}));

let server: RunningServer;
let users: Array<SessionUser | null>;
let knownValues: string[];
let signedIn: SessionUser | null = null;

const knownValue = fc.nat().map((i) => ({ raw: JSON.stringify(knownValues[i % knownValues.length]) }));
const plainValue = fc.constantFrom('PC', 'QR', 'ALIPAY', 'WECHATPAY', 'SANDBOX', 'LIVE', 'ACTIVE', 'DISABLED', '2026-12-07', '100', 'true', '1', '0', '[]', '{}', 'null').map((v) => ({ raw: /^[\d[{]|^true$|^null$/.test(v) ? v : JSON.stringify(v) }));

const generated = fc.record({
  procedure: fc.nat({ max: procedures.length - 1 }),
  user: fc.nat({ max: 4 }),
  fields: fc.array(fc.record({ field: fc.nat(), extra: fc.option(hostileKey, { freq: 8 }), value: fc.oneof({ arbitrary: hostileJson, weight: 3 }, { arbitrary: knownValue, weight: 3 }, { arbitrary: plainValue, weight: 2 }) }), { maxLength: 5 }),
  shape: fc.oneof(
    { arbitrary: fc.constant<'wrapped' | 'unwrapped' | 'batch' | 'wrong-method'>('wrapped'), weight: 8 },
    fc.constantFrom<'wrapped' | 'unwrapped' | 'batch' | 'wrong-method'>('unwrapped', 'batch', 'wrong-method'),
    garbageBody.map((garbage) => ({ garbage })),
    hostileJson.map((whole) => ({ whole })),
  ),
  path: fc.option(hostileSegment, { freq: 15 }),
});

type Generated = typeof generated extends fc.Arbitrary<infer T> ? T : never;

function requestOf(g: Generated): { method: string; path: string; body: string } {
  const procedure = procedures[g.procedure]!;
  const entries: Array<[string, JsonText]> = g.fields.map((f) => [f.extra ?? procedure.fields[f.field % Math.max(procedure.fields.length, 1)] ?? 'x', f.value]);
  const input: JsonText = typeof g.shape === 'object' && 'whole' in g.shape ? g.shape.whole : { entries };
  const wrapped = g.shape === 'unwrapped' ? jsonTextOf(input) : `{"json":${jsonTextOf(input)}}`;
  const text = typeof g.shape === 'object' && 'garbage' in g.shape ? g.shape.garbage : wrapped;
  const isQuery = procedure.type === 'query';
  const method = (g.shape === 'wrong-method') === isQuery ? 'POST' : 'GET';
  const path = `/api/trpc/${g.path ?? procedure.path}`;
  if (g.shape === 'batch') return method === 'GET' ? { method, path: `${path}?batch=1&input=${encodeText(`{"0":${text}}`)}`, body: '' } : { method, path: `${path}?batch=1`, body: `{"0":${text}}` };
  return method === 'GET' ? { method, path: `${path}?input=${encodeText(text)}`, body: '' } : { method, path, body: text };
}

/** What is wrong with a tRPC answer, if anything: every error (one, or each of a batch) carries a known contract code. */
function trpcProblem(answer: RawAnswer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 160)}`;
  if (answer.status < 300 && answer.status !== 207) return null;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `answered ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 80)}`;
  }
  const results = Array.isArray(body) ? body : [body];
  for (const result of results as Array<{ error?: { code?: unknown; json?: { data?: { appCode?: unknown; httpStatus?: unknown } } } }>) {
    if (!result.error) continue;
    // Refused before tRPC saw it (a broken path, refused before routing): the API's own error shape.
    if (typeof result.error.code === 'string' && Object.hasOwn(ERROR_CODES, result.error.code)) continue;
    const data = result.error.json?.data;
    if (typeof data?.appCode !== 'string' || !Object.hasOwn(ERROR_CODES, data.appCode)) return `answered an error without a contract code: ${answer.text.slice(0, 200)}`;
    if ((data.httpStatus as number) >= 500) return `answered an error of status ${String(data.httpStatus)}: ${answer.text.slice(0, 200)}`;
  }
  return null;
}

beforeAll(async () => {
  server = await startAppServer({ routes: { '/api/trpc/[trpc]': { GET: (req: Request) => serveTrpc(req, async () => signedIn), POST: (req: Request) => serveTrpc(req, async () => signedIn) } } });
  const tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  const paid = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { amount: 100_000 }));
  await tenant.client.request('POST', `/api/v1/sandbox/payments/${paid.body.payment.serialNo}/pay`);
  const [admin, companyAdmin, staff, auditor] = await Promise.all([
    makeUser('PLATFORM_ADMIN', null),
    makeUser('COMPANY_ADMIN', tenant.companyId),
    makeUser('COMPANY_STAFF', tenant.companyId),
    makeUser('AUDITOR', tenant.companyId),
  ]);
  users = [admin.user, companyAdmin.user, staff.user, auditor.user, null];
  knownValues = [tenant.companyId, tenant.merchantId, tenant.paymentId, tenant.app.id, paid.body.payment.serialNo, paid.body.payment.orderNo, staff.user.id, auditor.user.id];
});

afterAll(() => server?.close());

describe('the dashboard tRPC procedures under generated hostile calls', () => {
  const runs = fuzzRuns(0.25);
  it(`answer ${runs} of them without a 5xx, each error with a contract code, changing nothing when they refuse`, { timeout: 60 * 60_000 }, async () => {
    let reachedInput = 0;
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        signedIn = users[g.user]!;
        const sent = requestOf(g);
        const before = await databaseFingerprint();
        const answer = await sendRaw(server.baseUrl, { ...sent, headers: sent.body ? { 'content-type': 'application/json' } : {} });
        const problem = trpcProblem(answer);
        if (problem) throw new Error(`${sent.method} ${sent.path.slice(0, 200)} as ${signedIn?.role ?? 'nobody'} ${problem}`);
        if (answer.text.includes('"INVALID_REQUEST"')) reachedInput += 1;
        if (answer.status >= 400) {
          // A refused sign-in attempt counts against its throttle by design; nothing else may change.
          const changed = changedTables(before, await databaseFingerprint());
          if (changed.length) throw new Error(`${sent.method} ${sent.path.slice(0, 200)} as ${signedIn?.role ?? 'nobody'} was refused (${answer.status}) but changed ${changed.join(', ')}`);
        } else {
          await settledFingerprint();
        }
      }),
      { numRuns: runs, seed: fuzzSeed(3) },
    );
    expect(reachedInput).toBeGreaterThan(0);
  });
});
