import { buildCustomRoute } from 'next/dist/lib/build-custom-route';
import { describe, expect, it } from 'vitest';
import nextConfig from './next.config.js';

/** The headers Next adds to an answer for `path`, matched as the production server matches them. */
async function headersFor(path: string): Promise<Record<string, string>> {
  const routes = (await nextConfig.headers?.()) ?? [];
  const matching = routes.filter((route) => new RegExp(buildCustomRoute('header', route).regex).test(path));
  return Object.fromEntries(matching.flatMap((route) => route.headers.map(({ key, value }) => [key.toLowerCase(), value])));
}

describe('next.config.js security headers', () => {
  it('keep every page from being framed, sniffed or leaking its address', async () => {
    for (const path of ['/', '/login', '/payments', '/payments/P2026120700000001', '/apps/new', '/checkout/P2026120700000001', '/sandbox/alipay/cashier/T1', '/api/v1/payments']) {
      const headers = await headersFor(path);
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('same-origin');
      const csp = headers['content-security-policy'] ?? '';
      for (const directive of ["frame-ancestors 'none'", "default-src 'self'", "object-src 'none'", "base-uri 'none'", "connect-src 'self'"]) {
        expect(csp, `${path}: ${directive}`).toContain(directive);
      }
      // Next's inline page data needs inline scripts; nothing may come from elsewhere.
      expect(csp).toMatch(/script-src 'self' 'unsafe-inline'(;|$| 'unsafe-eval')/);
    }
  });

  it('give the API reference its own policy: no inline script at all, nothing from elsewhere', async () => {
    for (const path of ['/docs/api', '/docs/api/swagger-ui-bundle.js']) {
      const headers = await headersFor(path);
      expect(headers['x-frame-options'], path).toBe('DENY');
      const directives = (headers['content-security-policy'] ?? '').split('; ');
      expect(directives, path).toContain("script-src 'self'");
      for (const directive of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) {
        expect(directives, `${path}: ${directive}`).toContain(directive);
      }
    }
  });
});
