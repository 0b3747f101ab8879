// For tests: the project's real Next route handlers (every app/**/route.ts) served over node:http
// without Next, routed as Next routes them.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveWebHandler, type RunningServer } from './node-http-bridge';

type Params = Record<string, string | string[]>;
type Handler = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;
/** A route module as Next sees it: handlers exported by HTTP method name. */
export type RouteModule = Partial<Record<string, unknown>>;

const APP_DIR = path.resolve(import.meta.dirname, '../../app');

/** Routes that need Next's request scope (next-auth sessions, next/headers) and cannot run here. */
const EXCLUDED = new Set(['/api/auth/[...nextauth]', '/api/trpc/[trpc]']);

interface Node {
  statics: Map<string, Node>;
  dynamic?: { name: string; node: Node };
  catchAll?: { name: string; optional: boolean; load: () => Promise<RouteModule> };
  load?: () => Promise<RouteModule>;
}

const newNode = (): Node => ({ statics: new Map() });

/** The route pattern of a file, e.g. `/(dashboard)/apps/[appId]`; private `_x` folders are not routes. */
function patternOf(file: string): string | null {
  const segments = path.dirname(path.relative(APP_DIR, file)).split(path.sep).filter((s) => s && s !== '.');
  return segments.some((s) => s.startsWith('_')) ? null : '/' + segments.join('/');
}

/** Route groups `(x)` and parallel-route slots `@x` are not part of the URL. */
const inUrl = (segment: string) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith('@');

function addRoute(root: Node, pattern: string, load: () => Promise<RouteModule>): void {
  let node = root;
  for (const segment of pattern.split('/').filter(inUrl)) {
    const catchAll = /^\[(\[)?\.\.\.(\w+)\]?\]$/.exec(segment);
    if (catchAll) {
      node.catchAll = { name: catchAll[2]!, optional: Boolean(catchAll[1]), load };
      return;
    }
    const dynamic = /^\[(\w+)\]$/.exec(segment);
    if (dynamic) {
      node.dynamic ??= { name: dynamic[1]!, node: newNode() };
      node = node.dynamic.node;
    } else {
      if (!node.statics.has(segment)) node.statics.set(segment, newNode());
      node = node.statics.get(segment)!;
    }
  }
  node.load = load;
}

/** Next's precedence at every segment: static, then dynamic, then catch-all; backtracks on a miss. */
/** `dynamic`: the route has a dynamic segment (Next then hands it a params promise, even an empty one). */
function match(node: Node, parts: string[], params: Params): { load: () => Promise<RouteModule>; params: Params; dynamic: boolean } | null {
  const [part, ...rest] = parts;
  if (part === undefined) {
    if (node.load) return { load: node.load, params, dynamic: Object.keys(params).length > 0 };
    return node.catchAll?.optional ? { load: node.catchAll.load, params, dynamic: true } : null;
  }
  const viaStatic = node.statics.get(part);
  const found =
    (viaStatic && match(viaStatic, rest, params)) || (node.dynamic && match(node.dynamic.node, rest, { ...params, [node.dynamic.name]: part }));
  if (found) return found;
  return node.catchAll ? { load: node.catchAll.load, params: { ...params, [node.catchAll.name]: parts }, dynamic: true } : null;
}

function discoverRoutes(extra: Readonly<Record<string, RouteModule>>): Node {
  const root = newNode();
  const files = readdirSync(APP_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === 'route.ts');
  for (const relative of files) {
    const file = path.join(APP_DIR, relative);
    const pattern = patternOf(file);
    if (pattern === null || EXCLUDED.has(pattern)) continue;
    let loaded: Promise<RouteModule> | undefined;
    // Imported on first use, so a route's dependencies load only when a test calls it.
    addRoute(root, pattern, () => (loaded ??= import(pathToFileURL(file).href) as Promise<RouteModule>));
  }
  for (const [pattern, module] of Object.entries(extra)) addRoute(root, pattern, async () => module);
  return root;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

async function dispatch(root: Node, request: Request): Promise<Response> {
  // A path that does not decode never gets here: the bridge refuses it first (refuseBeforeRouting), as scripts/serve.ts does.
  const parts = new URL(request.url).pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const route = match(root, parts, {});
  if (!route) return new Response('Not Found', { status: 404 });
  const routeModule = await route.load();
  const allowed = METHODS.filter((m) => typeof routeModule[m] === 'function');
  // As in Next: HEAD falls back to GET, OPTIONS is answered with the methods a route has.
  const method = request.method === 'HEAD' && !allowed.includes('HEAD') ? 'GET' : request.method;
  // As Next does: a route without dynamic segments gets no params promise at all.
  const params = route.dynamic ? Promise.resolve(route.params) : undefined;
  if (allowed.includes(method)) return (routeModule[method] as Handler)(request, { params: params as Promise<Params> });
  if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { allow: allowed.join(', ') } });
  return new Response(null, { status: 405, headers: { allow: allowed.join(', ') } });
}

/** The port of this test file's PAYCENTER_BASE_URL (server/testing/database-per-file.ts), else any free port. */
function defaultPort(): number {
  const base = process.env.PAYCENTER_BASE_URL;
  return base ? Number(new URL(base).port) : 0;
}

/**
 * Serves every app/**\/route.ts (except EXCLUDED) plus `routes`, extra route modules keyed by a
 * URL pattern such as `/api/v1/test/[id]`, for handlers that only a test needs.
 */
export async function startAppServer(options: { port?: number; routes?: Readonly<Record<string, RouteModule>> } = {}): Promise<RunningServer> {
  const root = discoverRoutes(options.routes ?? {});
  return serveWebHandler((request) => dispatch(root, request), { port: options.port ?? defaultPort() });
}
