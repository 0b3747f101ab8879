// Pure-CPU hot paths of callbacks and API authentication, each against the bare node:crypto operation
// it is built on, over the same bytes: the ratio is what our parsing, canonicalisation and checks
// cost on top of the cryptography itself.
import { createHmac, verify, type KeyObject } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseNotification } from '@/server/gateway/channels/alipay/parse-notification';
import type { ChannelAccount } from '@/server/gateway/types';
import { canonicalRequest, hmacSha256Hex, signaturesMatch, signWebhook } from '@paycenter/node';
import { quantile, round } from './stats';

const median = (values: readonly number[]) => quantile(values, 0.5);

export interface CpuCase {
  name: string;
  baselineName: string;
  iterations: number;
  /** Answers whether the result of one call is the right one: checked before timing, so a broken path cannot be timed. */
  measured: () => boolean;
  baseline: () => boolean;
}

export interface CpuResult {
  name: string;
  baselineName: string;
  iterations: number;
  baselineNsPerOp: number;
  measuredNsPerOp: number;
  ratio: number;
}

const ROUNDS = 30;
/** At least this long per side, so that the JIT has settled even when BENCH_SCALE makes the counts small. */
const MIN_WARM_UP_MS = 100;

function nsPerOp(fn: () => boolean, iterations: number): number {
  let failures = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) if (!fn()) failures++;
  const elapsed = Number(process.hrtime.bigint() - start);
  if (failures > 0) throw new Error(`${failures} of ${iterations} calls answered a wrong result`);
  return elapsed / iterations;
}

/** Warm-up, then rounds alternating which side runs first, so drift (turbo, GC, neighbours) hits both alike. */
export function runCpuCase(benchCase: CpuCase): CpuResult {
  if (!benchCase.measured()) throw new Error(`${benchCase.name}: the measured operation answers a wrong result`);
  if (!benchCase.baseline()) throw new Error(`${benchCase.name}: the baseline answers a wrong result`);
  const perRound = Math.max(1, Math.round(benchCase.iterations / ROUNDS));
  for (const side of [benchCase.baseline, benchCase.measured]) {
    const until = performance.now() + MIN_WARM_UP_MS;
    do nsPerOp(side, perRound * 2);
    while (performance.now() < until);
  }
  const baseline: number[] = [];
  const measured: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      baseline.push(nsPerOp(benchCase.baseline, perRound));
      measured.push(nsPerOp(benchCase.measured, perRound));
    } else {
      measured.push(nsPerOp(benchCase.measured, perRound));
      baseline.push(nsPerOp(benchCase.baseline, perRound));
    }
  }
  const baselineNsPerOp = median(baseline);
  const measuredNsPerOp = median(measured);
  // The ratio of each round's adjacent pair, then their median: a pair shares the machine's state of the moment.
  const ratios = measured.map((ns, r) => ns / baseline[r]!);
  return {
    name: benchCase.name,
    baselineName: benchCase.baselineName,
    iterations: perRound * ROUNDS,
    baselineNsPerOp: round(baselineNsPerOp, 1),
    measuredNsPerOp: round(measuredNsPerOp, 1),
    ratio: round(median(ratios)),
  };
}

/** The bytes Alipay signs, worked out here independently of the plugin: form-decoded, no sign/sign_type/empty values, sorted, `k=v&...`. */
function alipaySignedBytes(body: string): { data: Buffer; signature: Buffer } {
  const params = [...new URLSearchParams(body)];
  const sign = params.find(([name]) => name === 'sign')?.[1];
  if (!sign) throw new Error('the notify has no sign');
  const content = params
    .filter(([name, value]) => name !== 'sign' && name !== 'sign_type' && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return { data: Buffer.from(content, 'utf8'), signature: Buffer.from(sign, 'base64') };
}

export function alipayNotifyCase(options: { account: ChannelAccount; notifyBody: string; serialNo: string; iterations: number }): CpuCase {
  const { account, notifyBody, serialNo } = options;
  const key: KeyObject = account.trustedKeys[0]!.key;
  const { data, signature } = alipaySignedBytes(notifyBody);
  const incoming = { account, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, query: '', body: notifyBody };
  return {
    name: 'Alipay notify: parseNotification (form decode, RSA2 verify, app/seller/amount checks)',
    baselineName: 'bare crypto.verify RSA-SHA256 of the signed bytes',
    iterations: options.iterations,
    measured: () => {
      const check = parseNotification(incoming);
      return check.verified && check.notification.kind === 'PAYMENT' && check.notification.serialNo === serialNo && check.notification.state === 'SUCCEEDED';
    },
    baseline: () => verify('sha256', data, key, signature),
  };
}

export function appSignatureCase(options: { secret: string; pathWithQuery: string; body: string; iterations: number }): CpuCase {
  const parts = { method: 'POST', pathWithQuery: options.pathWithQuery, timestamp: String(Math.floor(Date.now() / 1000)), nonce: 'Zq8vN3kT1pX7cR2mW5yB9dL4', rawBody: options.body };
  const bareString = `POST\n${parts.pathWithQuery}\n${parts.timestamp}\n${parts.nonce}\n${parts.rawBody}\n`;
  const given = createHmac('sha256', options.secret).update(bareString, 'utf8').digest('hex');
  return {
    name: 'App request auth: canonicalRequest + HMAC + signaturesMatch',
    baselineName: 'bare HMAC-SHA256 hex of the same string',
    iterations: options.iterations,
    measured: () => signaturesMatch(hmacSha256Hex(options.secret, canonicalRequest(parts)), given),
    baseline: () => createHmac('sha256', options.secret).update(bareString, 'utf8').digest('hex') === given,
  };
}

export function webhookSignatureCase(options: { secret: string; rawBody: string; iterations: number }): CpuCase {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const expected = createHmac('sha256', options.secret).update(`${timestamp}.${options.rawBody}`, 'utf8').digest('hex');
  return {
    name: 'Webhook signing: signWebhook',
    baselineName: 'bare HMAC-SHA256 hex of TIMESTAMP.BODY',
    iterations: options.iterations,
    measured: () => signWebhook({ secret: options.secret, timestamp, rawBody: options.rawBody }) === expected,
    baseline: () => createHmac('sha256', options.secret).update(`${timestamp}.${options.rawBody}`, 'utf8').digest('hex') === expected,
  };
}
