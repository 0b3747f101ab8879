import http from 'node:http';
import https from 'node:https';
import { publicOnlyLookup, TargetRefused, urlTargetProblem } from './outbound-target';

/** No answer within the request's time limit. */
export class RequestTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs / 1000} s`);
  }
}

export interface GuardedAnswer {
  statusCode: number;
  /** The Location header of a redirect, which is never followed. */
  location: string | undefined;
  /** The answer's first `maxBytes` bytes. */
  body: Buffer;
}

/**
 * One HTTP request to a URL a tenant configured, over node:http(s) (fetch takes no DNS guard).
 * With `publicOnly`, a non-public address literal is refused before connecting and a host name's
 * addresses are checked on the connection itself (publicOnlyLookup). Redirects are not followed,
 * the whole exchange is bounded by `timeoutMs`, and only the first `maxBytes` of the answer are
 * read. A fresh connection each time: a pooled keep-alive socket the other end has since closed
 * fails the next request with ECONNRESET, and each connection passes the address check.
 * Rejects with the network's error, RequestTimeout, or TargetRefused.
 */
export function sendGuardedRequest(options: { url: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; timeoutMs: number; maxBytes: number; publicOnly: boolean }): Promise<GuardedAnswer> {
  const refused = options.publicOnly ? urlTargetProblem(options.url, { publicOnly: true }) : null;
  if (refused) return Promise.reject(new TargetRefused(refused));
  const url = new URL(options.url);
  const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
  return new Promise<GuardedAnswer>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: options.method,
      headers: body ? { ...options.headers, 'content-length': String(body.byteLength) } : options.headers,
      agent: false,
      ...(options.publicOnly ? { lookup: publicOnlyLookup } : {}),
    });
    const timer = setTimeout(() => request.destroy(new RequestTimeout(options.timeoutMs)), options.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    request.on('error', fail);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        clearTimeout(timer);
        response.destroy();
        resolve({ statusCode: response.statusCode ?? 0, location: response.headers.location, body: Buffer.concat(chunks).subarray(0, options.maxBytes) });
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.byteLength;
        if (size >= options.maxBytes) done();
      });
      response.once('end', done);
      response.on('error', fail);
    });
    request.end(body);
  });
}
