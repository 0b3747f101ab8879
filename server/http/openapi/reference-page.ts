// The API reference page (/docs/api): Swagger UI, served from PayCenter itself (swagger-ui-dist in
// node_modules), so it works offline and the strict policy of next.config.js holds: no inline
// script, no CDN, no font or validator service.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>PayCenter API reference</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/docs/api/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="/docs/api/swagger-ui-bundle.js"></script>
<script src="/docs/api/reference.js"></script>
</body>
</html>
`;

// Requests need a signature no browser form can make, so "Try it out" is off; validatorUrl null keeps
// Swagger UI from sending the document to its online validator.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  supportedSubmitMethods: [],
  validatorUrl: null,
  defaultModelsExpandDepth: 0,
});
`;

/** The page's own files, by the name in its URL; Swagger UI's are read from its package. */
const ASSETS: Record<string, { type: string; read: () => Promise<string | Buffer> }> = {
  'reference.js': { type: 'text/javascript; charset=utf-8', read: async () => INIT },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', read: () => fromPackage('swagger-ui-bundle.js') },
  'swagger-ui.css': { type: 'text/css; charset=utf-8', read: () => fromPackage('swagger-ui.css') },
};

// From the working directory, not a module resolution: Next bundles route handlers, and the
// standalone output carries these files because next.config.js names them.
function fromPackage(file: string): Promise<Buffer> {
  return readFile(path.join(process.cwd(), 'node_modules', 'swagger-ui-dist', file));
}

export function referencePage(): Response {
  return new Response(PAGE, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}

/** One of the page's files, cacheable for a day (they change only with a deploy); 404 for any other name. */
export async function referenceAsset(name: string): Promise<Response> {
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!asset) return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(Buffer.from(await asset.read())), { headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' } });
}
