import { describe, expect, it } from 'vitest';
import { referenceAsset, referencePage } from './reference-page';

describe('the API reference page', () => {
  it('loads only its own files, every one of which is served with its type', async () => {
    const html = await referencePage().text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, url]) => url!);
    // No CDN, no font service: everything from PayCenter itself (the page works offline).
    expect(urls.every((url) => url.startsWith('/'))).toBe(true);
    expect(html).not.toMatch(/<script>|<style>|\son\w+=/);
    for (const url of urls.filter((url) => url.startsWith('/docs/api/'))) {
      const response = await referenceAsset(url.slice('/docs/api/'.length));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await response.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
    }
  });

  it('renders the served document, with the signed requests it cannot make turned off and no online validator', async () => {
    const init = await (await referenceAsset('reference.js')).text();
    expect(init).toContain("url: '/api/v1/openapi.json'");
    expect(init).toContain('supportedSubmitMethods: []');
    expect(init).toContain('validatorUrl: null');
  });

  it('serves nothing else', async () => {
    for (const name of ['index.html', '..%2Fpackage.json', '__proto__', 'constructor', 'swagger-ui-bundle.js.map']) {
      expect((await referenceAsset(name)).status, name).toBe(404);
    }
  });
});
