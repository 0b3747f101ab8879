// For tests: an app calling the PayCenter API, signing each request as api-contract.md says.
import { signRequest } from '@paycenter/node';
import { randomBase62 } from '@/server/lib/ids';

export interface SignOptions {
  appId: string;
  secret: string;
  method: string;
  pathWithQuery: string;
  rawBody: string;
  /** Unix seconds; now by default. */
  timestamp?: string | number;
  /** A fresh random nonce by default. */
  nonce?: string;
}

/** The four X-PayCenter-* headers of a signed request, for use with a raw fetch. */
export function signedHeaders(options: SignOptions): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBase62(24);
  return {
    'X-PayCenter-App-Id': options.appId,
    'X-PayCenter-Timestamp': timestamp,
    'X-PayCenter-Nonce': nonce,
    'X-PayCenter-Signature': signRequest({ secret: options.secret, method: options.method, pathWithQuery: options.pathWithQuery, timestamp, nonce, rawBody: options.rawBody }),
  };
}

export interface RequestOverrides {
  timestamp?: string | number;
  nonce?: string;
  /** Sign with this secret instead of the client's. */
  secret?: string;
  /** Extra or replacing headers; null removes a header. */
  headers?: Record<string, string | null>;
  /** Send (and sign) this exact body instead of JSON.stringify(body). */
  rawBody?: string;
}

export interface ApiAnswer {
  status: number;
  // Parsed JSON (or the text when it is not JSON); tests read its fields freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export function appApiClient(client: { baseUrl: string; appId: string; secret: string }) {
  return {
    signedHeaders: (method: string, pathWithQuery: string, rawBody = '', overrides: Pick<RequestOverrides, 'timestamp' | 'nonce' | 'secret'> = {}) =>
      signedHeaders({ appId: client.appId, secret: overrides.secret ?? client.secret, method, pathWithQuery, rawBody, ...overrides }),

    async request(method: string, pathWithQuery: string, body?: unknown, overrides: RequestOverrides = {}): Promise<ApiAnswer> {
      const rawBody = overrides.rawBody ?? (body === undefined ? '' : JSON.stringify(body));
      const headers: Record<string, string> = {
        ...(rawBody ? { 'content-type': 'application/json' } : {}),
        ...signedHeaders({ appId: client.appId, secret: overrides.secret ?? client.secret, method, pathWithQuery, rawBody, timestamp: overrides.timestamp, nonce: overrides.nonce }),
      };
      for (const [name, value] of Object.entries(overrides.headers ?? {})) {
        const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
        if (existing) delete headers[existing];
        if (value !== null) headers[name] = value;
      }
      const response = await fetch(client.baseUrl + pathWithQuery, { method, headers, body: rawBody || undefined });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON: the text itself.
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}

export type AppApiClient = ReturnType<typeof appApiClient>;
