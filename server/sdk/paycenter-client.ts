// The reference API client for apps: signs every request as api-contract.md says.
import { randomBytes } from 'node:crypto';
import { signRequest } from './signature';
import type { WebhookEvent } from './webhooks';

export interface PayCenterAnswer<T> {
  status: number;
  body: T;
}

/** An event of the change feed: a webhook's body plus its cursor. */
export interface FeedEvent extends WebhookEvent {
  cursor: string;
}

export class PayCenterError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(`${status} ${code}: ${message}`);
    this.name = 'PayCenterError';
  }
}

export class PayCenterClient {
  constructor(private readonly options: { baseUrl: string; appId: string; secret: string }) {}

  /** The four X-PayCenter-* headers of one request. */
  signedHeaders(method: string, pathWithQuery: string, rawBody: string): Record<string, string> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    return {
      'X-PayCenter-App-Id': this.options.appId,
      'X-PayCenter-Timestamp': timestamp,
      'X-PayCenter-Nonce': nonce,
      'X-PayCenter-Signature': signRequest({ secret: this.options.secret, method, pathWithQuery, timestamp, nonce, rawBody }),
    };
  }

  /** Any API call; answers the status and parsed body whatever the status. */
  async request<T = unknown>(method: string, pathWithQuery: string, body?: unknown): Promise<PayCenterAnswer<T>> {
    const rawBody = body === undefined ? '' : JSON.stringify(body);
    const response = await fetch(this.options.baseUrl + pathWithQuery, {
      method,
      headers: { ...(rawBody ? { 'content-type': 'application/json' } : {}), ...this.signedHeaders(method, pathWithQuery, rawBody) },
      body: rawBody || undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** A call that must succeed: the body, or a PayCenterError with the contract's error. */
  private async call<T>(method: string, pathWithQuery: string, body?: unknown): Promise<T> {
    const answer = await this.request<T & { error?: { code: string; message: string; details?: unknown } }>(method, pathWithQuery, body);
    if (answer.status >= 400) {
      const error = answer.body?.error;
      throw new PayCenterError(answer.status, error?.code ?? 'UNKNOWN', error?.message ?? 'request failed', error?.details);
    }
    return answer.body;
  }

  createPayment<P = Record<string, unknown>>(input: Record<string, unknown>): Promise<{ payment: P; action: Record<string, unknown> }> {
    return this.call('POST', '/api/v1/payments', input);
  }

  getPayment<P = Record<string, unknown>>(serialNo: string): Promise<{ payment: P }> {
    return this.call('GET', `/api/v1/payments/${encodeURIComponent(serialNo)}`);
  }

  createRefund<R = Record<string, unknown>>(serialNo: string, input: { refundNo: string; amount: number; reason?: string }): Promise<{ refund: R }> {
    return this.call('POST', `/api/v1/payments/${encodeURIComponent(serialNo)}/refunds`, input);
  }

  /** One page of the change feed after `after` (a cursor; from the start when omitted). */
  listEvents(options: { after?: string; limit?: number } = {}): Promise<{ events: FeedEvent[]; nextCursor: string }> {
    const query = new URLSearchParams();
    if (options.after !== undefined) query.set('after', options.after);
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    const search = query.toString();
    return this.call('GET', `/api/v1/events${search ? `?${search}` : ''}`);
  }
}
