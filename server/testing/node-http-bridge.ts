// For tests: serves a Web `(request: Request) => Promise<Response>` function over node:http, as a
// deployed Next app would, so real clients (fetch, alipay-sdk) talk to it over the network.
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError } from '@/server/http/client-error';
import { refuseBeforeRouting } from '@/server/http/refuse-before-routing';
import { stampPeerAddress } from '@/server/lib/peer-address';

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The request body as a stream with backpressure, never buffered whole. A handler that stops
 * reading (a body over its limit) cancels it: the rest is read and dropped, so the client still
 * gets the answer instead of a reset connection.
 */
function bodyOf(incoming: IncomingMessage): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const onData = (chunk: Buffer) => {
    controller.enqueue(new Uint8Array(chunk));
    if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
  };
  const onEnd = () => controller.close();
  const onError = (error: Error) => controller.error(error);
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        incoming.on('data', onData).once('end', onEnd).once('error', onError).pause();
      },
      pull() {
        incoming.resume();
      },
      cancel() {
        incoming.off('data', onData).off('end', onEnd).off('error', onError).resume();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
}

function toRequest(incoming: IncomingMessage, baseUrl: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  // Next's server adds the peer address when no proxy did.
  if (!headers.has('x-forwarded-for') && incoming.socket.remoteAddress) headers.set('x-forwarded-for', incoming.socket.remoteAddress);
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', baseUrl), { method, headers, ...(hasBody ? { body: bodyOf(incoming), duplex: 'half' } : {}) } as RequestInit);
}

async function send(response: Response, outgoing: ServerResponse, method: string): Promise<void> {
  const headers: OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  outgoing.writeHead(response.status, headers);
  if (method === 'HEAD' || !response.body) return void outgoing.end();
  // Written chunk by chunk with backpressure, as Next streams a streamed body (a CSV statement).
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (!outgoing.write(chunk.value)) await new Promise((resolve) => outgoing.once('drain', resolve).once('close', resolve));
    if (outgoing.destroyed) return void (await reader.cancel());
  }
  outgoing.end();
}

/** Listens on 127.0.0.1 (port 0: any free port). Errors thrown by the handler answer a 500 with the stack. */
export async function serveWebHandler(handle: (request: Request) => Promise<Response>, options: { port?: number } = {}): Promise<RunningServer> {
  let baseUrl = '';
  const server = createServer((incoming, outgoing) => {
    // As PayCenter's own HTTP entry does (scripts/serve.ts).
    stampPeerAddress(incoming);
    if (refuseBeforeRouting(incoming, outgoing)) return;
    void (async () => {
      try {
        await send(await handle(toRequest(incoming, baseUrl)), outgoing, incoming.method ?? 'GET');
      } catch (error) {
        if (outgoing.headersSent) return void outgoing.destroy();
        outgoing.writeHead(500, { 'content-type': 'text/plain' });
        outgoing.end(error instanceof Error ? error.stack : String(error));
      }
    })();
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
