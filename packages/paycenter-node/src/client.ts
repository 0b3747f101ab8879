// The API client for apps: signs every request as api-contract.md says, one typed method per
// operation of the OpenAPI document, and retries the idempotent ones after a failure.
import { randomBytes } from 'node:crypto';
import { PayCenterError } from './errors.ts';
import { backoffMs, DEFAULT_RETRY, retryableStatus, type RetryPolicy } from './retry.ts';
import { signRequest } from './signature.ts';
import type {
  CreatedPaymentAnswer,
  CreatePaymentRequest,
  CreateRefundRequest,
  CreateSplitRequest,
  EventFeed,
  OrderAnswer,
  PaymentAnswer,
  QueryOf,
  RefundAnswer,
  SplitAnswer,
  Statement,
} from './types.ts';

export interface PayCenterClientOptions {
  /** The center's base URL, e.g. https://pay.example.com (no path). */
  baseUrl: string;
  appId: string;
  secret: string;
  /** For idempotent calls; DEFAULT_RETRY unless given. */
  retry?: RetryPolicy;
  /** Per try; 30 s by default. */
  timeoutMs?: number;
}

export interface PayCenterAnswer<T> {
  status: number;
  body: T;
}

interface Sent {
  /** Safe to send again: a GET, or a POST whose key makes a repeat answer the first one's result. */
  idempotent?: boolean;
  accept?: string;
}

const segment = encodeURIComponent;

function withQuery(path: string, query: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams(Object.entries(query).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]]))).toString();
  return search ? `${path}?${search}` : path;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class PayCenterClient {
  private readonly retry: RetryPolicy;

  constructor(private readonly options: PayCenterClientOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  /** The four X-PayCenter-* headers of one request, with a fresh timestamp and nonce. */
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

  /**
   * Any API call; answers the status and the parsed body (the text when it is not JSON) whatever the
   * status. An idempotent call is tried again, newly signed (a nonce is good once), after a network
   * failure or a retryable status (retry.ts); the last failure is what the caller gets.
   */
  async request<T = unknown>(method: string, pathWithQuery: string, body?: unknown, sent: Sent = {}): Promise<PayCenterAnswer<T>> {
    const rawBody = body === undefined ? '' : JSON.stringify(body);
    const attempts = sent.idempotent ? Math.max(1, this.retry.attempts) : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await this.send<T>(method, pathWithQuery, rawBody, sent.accept);
        const code = (answer.body as { error?: { code?: string } } | null)?.error?.code;
        if (attempt >= attempts || !retryableStatus(answer.status, code)) return answer;
      } catch (error) {
        if (attempt >= attempts) throw error;
      }
      await sleep(backoffMs(this.retry, attempt - 1));
    }
  }

  private async send<T>(method: string, pathWithQuery: string, rawBody: string, accept = 'application/json'): Promise<PayCenterAnswer<T>> {
    const response = await fetch(this.options.baseUrl + pathWithQuery, {
      method,
      headers: { accept, ...(rawBody ? { 'content-type': 'application/json' } : {}), ...this.signedHeaders(method, pathWithQuery, rawBody) },
      body: rawBody || undefined,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') ?? false;
    return { status: response.status, body: (json && text ? JSON.parse(text) : text) as T };
  }

  /** A call that must succeed: the body, or a PayCenterError with the contract's error. */
  private async call<T>(method: 'GET' | 'POST', pathWithQuery: string, body?: unknown, sent: Sent = { idempotent: true }): Promise<T> {
    const answer = await this.request<T>(method, pathWithQuery, body, sent);
    if (answer.status >= 400) {
      const error = (answer.body as { error?: { code?: PayCenterError['code']; message?: string; details?: Record<string, unknown> } } | null)?.error;
      throw new PayCenterError(answer.status, error?.code ?? 'UNKNOWN', error?.message ?? 'request failed', error?.details);
    }
    return answer.body;
  }

  /** 201 a new attempt, 200 the same request again (the live attempt): idempotent by orderNo, so retried. */
  createPayment(input: CreatePaymentRequest): Promise<CreatedPaymentAnswer> {
    return this.call('POST', '/api/v1/payments', input);
  }

  getPayment(serialNo: string, query: QueryOf<'getPayment'> = {}): Promise<PaymentAnswer> {
    return this.call('GET', withQuery(`/api/v1/payments/${segment(serialNo)}`, query));
  }

  /** An order and all its attempts. */
  getOrder(query: QueryOf<'lookUpPayments'> & { merchantId: string; orderNo: string }): Promise<OrderAnswer> {
    return this.call('GET', withQuery('/api/v1/payments', query));
  }

  getPaymentByChannelTradeNo(query: QueryOf<'lookUpPayments'> & { channelTradeNo: string }): Promise<PaymentAnswer> {
    return this.call('GET', withQuery('/api/v1/payments', query));
  }

  closePayment(serialNo: string): Promise<PaymentAnswer> {
    return this.call('POST', `/api/v1/payments/${segment(serialNo)}/close`);
  }

  /** Idempotent by refundNo. */
  createRefund(serialNo: string, input: CreateRefundRequest): Promise<RefundAnswer> {
    return this.call('POST', `/api/v1/payments/${segment(serialNo)}/refunds`, input);
  }

  getRefund(refundSerialNo: string): Promise<RefundAnswer> {
    return this.call('GET', `/api/v1/refunds/${segment(refundSerialNo)}`);
  }

  /** Idempotent by splitNo (with the same content). */
  createSplit(serialNo: string, input: CreateSplitRequest): Promise<SplitAnswer> {
    return this.call('POST', `/api/v1/payments/${segment(serialNo)}/splits`, input);
  }

  finishSplits(serialNo: string): Promise<PaymentAnswer> {
    return this.call('POST', `/api/v1/payments/${segment(serialNo)}/splits/finish`);
  }

  getSplit(splitSerialNo: string): Promise<SplitAnswer> {
    return this.call('GET', `/api/v1/splits/${segment(splitSerialNo)}`);
  }

  /** One page of the change feed after `after` (a cursor; from the start when omitted). */
  listEvents(query: QueryOf<'listEvents'> = {}): Promise<EventFeed> {
    return this.call('GET', withQuery('/api/v1/events', query));
  }

  getStatement(query: QueryOf<'getStatement'> & { merchantId: string; date: string }): Promise<Statement> {
    return this.call('GET', withQuery('/api/v1/statements', query));
  }

  /** The whole day as CSV (UTF-8 with a BOM, a header row). */
  getStatementCsv(query: { merchantId: string; date: string }): Promise<string> {
    return this.call('GET', withQuery('/api/v1/statements', query), undefined, { idempotent: true, accept: 'text/csv' });
  }

  /** Sandbox only: the simulated user pays. Not retried: a repeat is not the same request. */
  sandboxPay(serialNo: string): Promise<PaymentAnswer> {
    return this.call('POST', `/api/v1/sandbox/payments/${segment(serialNo)}/pay`, undefined, { idempotent: false });
  }

  /** Sandbox only: the simulated user's payment fails. */
  sandboxFail(serialNo: string): Promise<PaymentAnswer> {
    return this.call('POST', `/api/v1/sandbox/payments/${segment(serialNo)}/fail`, undefined, { idempotent: false });
  }
}
