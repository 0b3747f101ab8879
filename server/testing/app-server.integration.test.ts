import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from './app-server';
import type { RunningServer } from './node-http-bridge';
import { spawnAppServer } from './spawn-app-server';

const echo = (route: string) => async (request: Request, context: { params: Promise<unknown> }) =>
  Response.json({ route, method: request.method, params: await context.params });

let server: RunningServer;

beforeAll(async () => {
  server = await startAppServer({
    routes: {
      '/test/items/new': { GET: echo('static') },
      '/test/items/[id]': { GET: echo('dynamic'), DELETE: echo('dynamic') },
      '/test/items/[id]/parts/[part]': { GET: echo('nested') },
      '/test/items/[...rest]': { GET: echo('catch-all') },
      '/(group)/test/grouped': { GET: echo('grouped') },
      '/test/optional/[[...rest]]': { GET: echo('optional') },
    },
  });
});
afterAll(() => server?.close());

async function get(baseUrl: string, path: string, method = 'GET') {
  const response = await fetch(baseUrl + path, { method });
  const text = await response.text();
  const json = text && response.headers.get('content-type')?.includes('json');
  return { status: response.status, allow: response.headers.get('allow'), body: json ? JSON.parse(text) : text || null };
}

describe('test app server', () => {
  it('listens on this test file’s PAYCENTER_BASE_URL', () => {
    expect(server.baseUrl).toBe(process.env.PAYCENTER_BASE_URL);
  });

  it('routes static before dynamic before catch-all, with decoded params, as Next does', async () => {
    // A route without dynamic segments gets no params at all from Next.
    expect((await get(server.baseUrl, '/test/items/new')).body).toEqual({ route: 'static', method: 'GET' });
    expect((await get(server.baseUrl, '/test/items/%E8%AE%A2%E5%8D%95')).body).toMatchObject({ route: 'dynamic', params: { id: '订单' } });
    expect((await get(server.baseUrl, '/test/items/7/parts/9')).body).toMatchObject({ route: 'nested', params: { id: '7', part: '9' } });
    expect((await get(server.baseUrl, '/test/items/7/other/9')).body).toMatchObject({ route: 'catch-all', params: { rest: ['7', 'other', '9'] } });
    expect((await get(server.baseUrl, '/test/grouped')).body).toMatchObject({ route: 'grouped' });
    expect((await get(server.baseUrl, '/test/optional')).body).toMatchObject({ route: 'optional', params: {} });
    expect((await get(server.baseUrl, '/test/optional/a/b')).body).toMatchObject({ route: 'optional', params: { rest: ['a', 'b'] } });
    expect((await get(server.baseUrl, '/test/nothing')).status).toBe(404);
  });

  it('answers 405 with Allow for a method the route lacks, and HEAD through GET', async () => {
    expect(await get(server.baseUrl, '/test/items/7', 'POST')).toMatchObject({ status: 405, allow: 'GET, DELETE' });
    expect((await get(server.baseUrl, '/test/items/7', 'DELETE')).body).toMatchObject({ route: 'dynamic', method: 'DELETE' });
    expect(await get(server.baseUrl, '/test/items/7', 'HEAD')).toMatchObject({ status: 200, body: null });
  });

  it('serves the project’s own route files: the API 404 and the Alipay simulator', async () => {
    expect(await get(server.baseUrl, '/api/v1/unknown')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const gateway = await fetch(`${server.baseUrl}/sandbox/alipay/gateway.do`, { method: 'POST' });
    expect(gateway.status).not.toBe(404);
    expect(gateway.status).not.toBe(405);
  });

  it('runs a second instance as a separate process on its own port', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const second = await spawnAppServer({ port });
    try {
      expect(second.baseUrl).toBe(`http://127.0.0.1:${port}`);
      expect(await get(second.baseUrl, '/api/v1/unknown')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    } finally {
      await second.stop();
    }
    await expect(fetch(`${second.baseUrl}/api/v1/unknown`)).rejects.toThrow();
  });
});
