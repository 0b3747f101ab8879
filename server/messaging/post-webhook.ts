import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { env } from '@/server/config/env';
import { isNonPublicAddress, undeliverableReason } from './deliverable-url';

export const WEBHOOK_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

export interface PostResult {
  /** True for any 2xx within the timeout: the app acknowledged the event. */
  acknowledged: boolean;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number;
}

class WebhookTimeout extends Error {}

/**
 * Resolves like the system does, but fails the connection when any address is not public: the
 * check happens on the addresses actually connected to, so a DNS answer that changes between the
 * check and the request (rebinding) cannot reach the internal network either.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const blocked = addresses.find((a) => isNonPublicAddress(a.address));
    if (blocked || addresses.length === 0) return callback(new Error(`refused: ${hostname} resolves to the non-public address ${blocked?.address ?? '(none)'}`), '', 0);
    if ((options as LookupOptions).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof WebhookTimeout) return `no answer within ${timeoutMs / 1000} s`;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return (code && !message.includes(code) ? `${message} (${code})` : message).slice(0, 500);
}

/**
 * One POST of a signed webhook over node:http(s) (not fetch: it takes no DNS guard). Redirects
 * are not followed (a 3xx is a failure: the app must give its final URL), the whole exchange is
 * bounded by the contract's 10 s, only the first 1 KiB of the answer is read, and unless private
 * targets are allowed no connection is made to a non-public address.
 */
export async function postWebhook(options: { url: string; headers: Record<string, string>; rawBody: string; timeoutMs?: number }): Promise<PostResult> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const started = performance.now();
  const result = (fields: Omit<PostResult, 'durationMs'>): PostResult => ({ ...fields, durationMs: Math.round(performance.now() - started) });
  const refused = await undeliverableReason(options.url);
  if (refused) return result({ acknowledged: false, statusCode: null, responseExcerpt: null, error: `refused: ${refused}` });

  const url = new URL(options.url);
  const body = Buffer.from(options.rawBody, 'utf8');
  return new Promise<PostResult>((resolve) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-length': String(body.byteLength) },
      // A fresh connection each time: a pooled keep-alive socket the receiver has since closed
      // fails the next webhook with ECONNRESET, and each connection passes the address check.
      agent: false,
      ...(env().PAYCENTER_WEBHOOK_PRIVATE_TARGETS ? {} : { lookup: publicOnlyLookup }),
    });
    const timer = setTimeout(() => request.destroy(new WebhookTimeout()), timeoutMs);
    const finish = (outcome: PostResult) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    request.on('error', (error) => finish(result({ acknowledged: false, statusCode: null, responseExcerpt: null, error: describeFailure(error, timeoutMs) })));
    request.once('response', (response) => {
      const statusCode = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        response.destroy();
        const redirect = statusCode >= 300 && statusCode < 400 ? `redirect to ${response.headers.location ?? '(no location)'} not followed` : null;
        const responseExcerpt = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, EXCERPT_BYTES));
        finish(result({ acknowledged: statusCode >= 200 && statusCode < 300, statusCode, responseExcerpt, error: redirect }));
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.byteLength;
        if (size >= EXCERPT_BYTES) done();
      });
      response.once('end', done);
      response.on('error', (error) => finish(result({ acknowledged: false, statusCode, responseExcerpt: null, error: describeFailure(error, timeoutMs) })));
    });
    request.end(body);
  });
}
