// The floor server (docs/benchmarks.md): PayCenter's create-payment, callback, lookup and feed work on
// bare node:http + pg, in a process of its own. Argument: the database URL. It provisions its tenant,
// then prints one JSON line `{ baseUrl, appId, secret, merchantId, paymentId }` for the bench.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { floorAlipay } from './alipay';
import { floorCenter, type Answer } from './center';
import { provisionFloor, sealer } from './provision';

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: floor/main.ts DATABASE_URL');

// The pool size PayCenter's Prisma adapter uses (server/db/client.ts).
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const seal = sealer(randomBytes(32));
const tenant = await provisionFloor(pool, seal);
const alipay = floorAlipay(pool, tenant.alipayPrivateKey);

const server = http.createServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const center = floorCenter({ pool, seal, alipayGatewayUrl: `${baseUrl}/alipay/gateway.do` });

async function route(request: http.IncomingMessage, rawBody: string): Promise<Answer> {
  const url = new URL(request.url ?? '/', baseUrl);
  const signed = { method: request.method ?? 'GET', pathWithQuery: url.pathname + url.search, headers: request.headers, rawBody };
  const [, ...parts] = url.pathname.split('/');
  const path = parts.join('/');
  if (request.method === 'POST' && path === 'api/v1/payments') return center.createPayment(signed);
  if (request.method === 'GET' && path === 'api/v1/events') return center.feed(signed, Math.min(100, Number(url.searchParams.get('limit') ?? 20)));
  if (request.method === 'GET' && parts.length === 4 && path.startsWith('api/v1/payments/')) return center.lookup(signed, parts[3]!);
  if (request.method === 'POST' && parts.length === 5 && path.startsWith('api/channels/alipay/notify/')) return center.callback(parts[4]!, rawBody);
  if (request.method === 'POST' && path === 'alipay/gateway.do') return { status: 200, body: await alipay.gateway(rawBody) };
  if (request.method === 'POST' && parts.length === 3 && path.startsWith('alipay/pay/')) {
    const notify = await alipay.pay(parts[2]!);
    return notify ? { status: 200, body: notify } : { status: 404, body: 'no such trade' };
  }
  return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'NOT_FOUND' } } };
}

server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    route(request, Buffer.concat(chunks).toString('utf8'))
      .catch((failure: unknown): Answer => {
        console.error(failure);
        return { status: 500, body: { error: { code: 'INTERNAL', message: 'INTERNAL' } } };
      })
      .then(({ status, body }) => {
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' }).end(text);
      });
  });
});

process.on('SIGTERM', () => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
});
console.log(JSON.stringify({ baseUrl, appId: tenant.appId, secret: tenant.secret, merchantId: tenant.merchantId, paymentId: tenant.paymentId }));
