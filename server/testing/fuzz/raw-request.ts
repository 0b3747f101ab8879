// For the fuzz suites: a request sent exactly as generated (any method token, a path with broken
// percent-encoding, any body and headers) over node:http, which fetch would refuse or normalise.
import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query as sent, not normalised. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

export function sendRaw(baseUrl: string, sent: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const body = Buffer.from(sent.body, 'utf8');
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method: sent.method, path: sent.path, agent, headers: { ...sent.headers, ...(body.length ? { 'content-length': String(body.length) } : {}) } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.once('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
        incoming.once('error', reject);
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body.length ? body : undefined);
  });
}
