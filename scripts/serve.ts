// PayCenter's HTTP entry (`npm start`, `npm run dev`, the Docker image): Next's request handler
// behind our own node:http server, which stamps the TCP peer's address on every request
// (server/lib/peer-address.ts). Route handlers never see the socket, and Next would show them a
// client-sent X-Forwarded-For in its place; the stamp is the address an IP allowlist can trust.
//
//   node --import tsx scripts/serve.ts [--dev] [--port 3000] [--hostname 127.0.0.1]
//   node release/serve.mjs            (the bundled copy in the standalone image)
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import next from 'next';
import { answerClientError } from '@/server/http/client-error';
import { refuseBeforeRouting } from '@/server/http/refuse-before-routing';
import { stampPeerAddress } from '@/server/lib/peer-address';

const { values: args } = parseArgs({ options: { dev: { type: 'boolean', default: false }, port: { type: 'string' }, hostname: { type: 'string' } } });
const dir = process.cwd();
const port = Number(args.port ?? process.env.PORT ?? 3000);

/**
 * Next's standalone output has no next.config.js: its generated server.js hands Next the build's
 * configuration through this variable, so this entry does the same when serving such a build.
 */
function applyStandaloneConfig(): void {
  const file = path.join(dir, '.next', 'required-server-files.json');
  if (args.dev || !existsSync(file)) return;
  const { config } = JSON.parse(readFileSync(file, 'utf8')) as { config: { output?: string } };
  if (config.output === 'standalone') process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

applyStandaloneConfig();
const server = createServer();
const app = next({ dev: args.dev, dir, hostname: args.hostname, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
server.on('request', (request, response) => {
  stampPeerAddress(request);
  if (!refuseBeforeRouting(request, response)) void handle(request, response);
});
server.on('clientError', answerClientError);
server.once('error', (error) => {
  console.error(error);
  process.exit(1);
});
server.listen(port, args.hostname, () => console.log(`[paycenter] listening on ${args.hostname ?? '*'}:${port}`));

// Requests under way are answered before the process exits.
const stop = () => {
  server.close(() => void app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
