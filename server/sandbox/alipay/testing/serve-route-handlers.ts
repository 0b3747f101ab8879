// For tests: serves Web `(request: Request) => Promise<Response>` route handlers over a real node:http
// server, so real clients (alipay-sdk, fetch) talk to them as to a deployed Next app.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (request: Request) => Promise<Response>;

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

async function toRequest(incoming: IncomingMessage, baseUrl: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const method = incoming.method ?? 'GET';
  return new Request(new URL(incoming.url ?? '/', baseUrl), { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }) });
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/** Routes by exact path (no query); anything else is a 404. */
export async function serveRouteHandlers(routes: Readonly<Record<string, RouteHandler>>): Promise<RunningServer> {
  let baseUrl = '';
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      try {
        const request = await toRequest(incoming, baseUrl);
        const handler = routes[new URL(request.url).pathname];
        await send(handler ? await handler(request) : new Response('Not Found', { status: 404 }), outgoing);
      } catch (error) {
        outgoing.writeHead(500, { 'content-type': 'text/plain' });
        outgoing.end(error instanceof Error ? error.stack : String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
