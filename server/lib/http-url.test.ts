import { describe, expect, it } from 'vitest';
import { isHttpUrl, isOrigin } from './http-url';

describe('isHttpUrl', () => {
  it('accepts http(s) URLs and refuses other schemes, credentials and non-URLs', () => {
    expect(isHttpUrl('https://fees.example.com/notify?x=1')).toBe(true);
    expect(isHttpUrl('http://localhost:3000')).toBe(true);
    for (const bad of ['ftp://example.com', 'https://user:pw@example.com', 'javascript:alert(1)', 'example.com']) expect(isHttpUrl(bad)).toBe(false);
  });
});

describe('isOrigin', () => {
  it('accepts scheme://host[:port] with at most a trailing slash', () => {
    expect(isOrigin('https://app.example')).toBe(true);
    expect(isOrigin('http://localhost:3000/')).toBe(true);
  });

  it('refuses a path, a query, a fragment, credentials and other schemes', () => {
    for (const bad of ['https://app.example/paid', 'https://app.example?x=1', 'https://app.example#top', 'https://u:p@app.example', 'ftp://app.example', 'app.example']) {
      expect(isOrigin(bad)).toBe(false);
    }
  });
});
