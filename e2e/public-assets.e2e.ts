// What a web app serves from public/: icons browsers and phones ask for, a robots.txt that keeps the
// dashboard and checkout out of search engines, and the checkout's web manifest.
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

async function get(path: string) {
  const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

describe('public assets', () => {
  it('serves robots.txt that disallows everything', async () => {
    const { response, body } = await get('/robots.txt');
    expect(response.status).toBe(200);
    expect(body.toString('utf8')).toMatch(/User-agent: \*\s*\nDisallow: \/\s*$/m);
  });

  it('serves the favicon and app icons as images', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    for (const path of ['/icon-192.png', '/icon-512.png', '/apple-touch-icon.png']) {
      const { response, body } = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('image/png');
      expect(body.subarray(0, 4).equals(png), path).toBe(true);
    }
    const ico = await get('/favicon.ico');
    expect(ico.response.status).toBe(200);
    expect(ico.body.readUInt16LE(2)).toBe(1); // ICO type: icon
    const svg = await get('/icon.svg');
    expect(svg.response.headers.get('content-type')).toContain('image/svg+xml');
  });

  it('links the checkout to a manifest whose icons exist', async () => {
    const { body } = await get('/checkout.webmanifest');
    const manifest = JSON.parse(body.toString('utf8')) as { scope: string; icons: Array<{ src: string }> };
    expect(manifest.scope).toBe('/checkout/');
    for (const icon of manifest.icons) expect((await get(icon.src)).response.status, icon.src).toBe(200);
    // Every page carries the icons and the noindex robots meta (the checkout journey checks its manifest link).
    const login = (await get('/login')).body.toString('utf8');
    expect(login).toContain('href="/icon.svg"');
    expect(login).toContain('noindex');
  });
});
