import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';
import { envSchema } from './env-schema';

const key = Buffer.alloc(32, 7).toString('base64');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'paycenter-env-'));

describe('env', () => {
  it('names the missing production secrets and says what is expected', () => {
    expect.assertions(3);
    try {
      parseEnv({ NODE_ENV: 'production', PAYCENTER_DATA_DIR: tmp() });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/PAYCENTER_MASTER_KEY: required in production — 32 random bytes in base64/);
      expect((error as Error).message).toMatch(/NEXTAUTH_SECRET: required in production/);
    }
  });

  it('names each malformed variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', PAYCENTER_MASTER_KEY: 'short', LOG_LEVEL: 'loud' })).toThrow(
      /DATABASE_URL: expected a PostgreSQL URL[\s\S]*PAYCENTER_MASTER_KEY: expected 32 random bytes[\s\S]*LOG_LEVEL/,
    );
    expect(() => parseEnv({ PAYCENTER_LOGIN_MAX_FAILURES: 'five' })).toThrow(/PAYCENTER_LOGIN_MAX_FAILURES: expected a whole number/);
  });

  it('accepts a complete production configuration, sandbox off by default', () => {
    const env = parseEnv({ NODE_ENV: 'production', PAYCENTER_MASTER_KEY: key, NEXTAUTH_SECRET: 'x'.repeat(32), PAYCENTER_DATA_DIR: tmp() });
    expect(env.isProduction).toBe(true);
    expect(env.PAYCENTER_SANDBOX).toBe(false);
    expect(env.PAYCENTER_WEBHOOK_PRIVATE_TARGETS).toBe(false);
    expect(env.PAYCENTER_MASTER_KEY).toBe(key);
    const onPremise = parseEnv({ NODE_ENV: 'production', PAYCENTER_MASTER_KEY: key, NEXTAUTH_SECRET: 'x'.repeat(32), PAYCENTER_DATA_DIR: tmp(), PAYCENTER_WEBHOOK_PRIVATE_TARGETS: 'true' });
    expect(onPremise.PAYCENTER_WEBHOOK_PRIVATE_TARGETS).toBe(true);
  });

  it('generates stable development secrets into the data dir', () => {
    const dir = tmp();
    const first = parseEnv({ NODE_ENV: 'development', PAYCENTER_DATA_DIR: dir });
    const second = parseEnv({ NODE_ENV: 'development', PAYCENTER_DATA_DIR: dir });
    expect(Buffer.from(first.PAYCENTER_MASTER_KEY, 'base64')).toHaveLength(32);
    expect(second.PAYCENTER_MASTER_KEY).toBe(first.PAYCENTER_MASTER_KEY);
    expect(second.NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
    expect(first.PAYCENTER_SANDBOX).toBe(true);
    expect(first.PAYCENTER_WEBHOOK_PRIVATE_TARGETS).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'dev-secrets.json'), 'utf8')).NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(path.resolve(import.meta.dirname, '../../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
