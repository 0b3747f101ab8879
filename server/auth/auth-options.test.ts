import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Fresh modules per case: env() is read once per process.
async function optionsWith(variables: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  const { authOptions } = await import('./auth-options');
  return authOptions();
}

describe('authOptions: the session cookie', () => {
  beforeEach(() => {
    vi.stubEnv('PAYCENTER_DATA_DIR', mkdtempSync(path.join(os.tmpdir(), 'paycenter-auth-')));
    vi.stubEnv('NEXTAUTH_URL', '');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('is Secure (and __Secure- prefixed by next-auth) when the base URL is https', async () => {
    expect((await optionsWith({ PAYCENTER_BASE_URL: 'https://pay.example.com' })).useSecureCookies).toBe(true);
  });

  it('follows NEXTAUTH_URL when it is set', async () => {
    expect((await optionsWith({ PAYCENTER_BASE_URL: 'http://pay.internal', NEXTAUTH_URL: 'https://pay.example.com' })).useSecureCookies).toBe(true);
    expect((await optionsWith({ PAYCENTER_BASE_URL: 'https://pay.example.com', NEXTAUTH_URL: 'http://localhost:3000' })).useSecureCookies).toBe(false);
  });

  it('is not Secure on plain http (local development), where a browser would drop it', async () => {
    expect((await optionsWith({ PAYCENTER_BASE_URL: 'http://localhost:3000' })).useSecureCookies).toBe(false);
  });
});
