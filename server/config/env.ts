// The one place that reads process.env. Everything else imports `env()`.
// Validation is lazy (first call) so that `next build` can import modules without runtime secrets.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { envSchema, type RawEnv } from './env-schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

export interface Env extends Omit<RawEnv, 'PAYCENTER_MASTER_KEY' | 'NEXTAUTH_SECRET' | 'PAYCENTER_SANDBOX' | 'PAYCENTER_WEBHOOK_PRIVATE_TARGETS'> {
  PAYCENTER_MASTER_KEY: string;
  NEXTAUTH_SECRET: string;
  PAYCENTER_SANDBOX: boolean;
  /** Whether webhooks may go to loopback/private addresses (apps on the same LAN); off in production by default. */
  PAYCENTER_WEBHOOK_PRIVATE_TARGETS: boolean;
  isProduction: boolean;
  dataDir: string;
}

interface DevSecrets {
  PAYCENTER_MASTER_KEY: string;
  NEXTAUTH_SECRET: string;
}

/** Development and tests get stable generated secrets in the data dir; production must set them. */
function devSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = {
    PAYCENTER_MASTER_KEY: randomBytes(32).toString('base64'),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDir, { recursive: true });
  // `wx`: if another process wrote it first, keep theirs.
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch {
    return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  }
  return secrets;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const raw = result.data;
  const isProduction = raw.NODE_ENV === 'production';
  const dataDir = path.resolve(raw.PAYCENTER_DATA_DIR);
  const problems: string[] = [];
  if (isProduction) {
    if (!raw.PAYCENTER_MASTER_KEY) problems.push('PAYCENTER_MASTER_KEY: required in production — 32 random bytes in base64 (`openssl rand -base64 32`)');
    if (!raw.NEXTAUTH_SECRET) problems.push('NEXTAUTH_SECRET: required in production — at least 32 random characters (`openssl rand -base64 32`)');
  }
  if (problems.length) throw new ConfigError(problems);
  const generated = raw.PAYCENTER_MASTER_KEY && raw.NEXTAUTH_SECRET ? undefined : devSecrets(dataDir);
  return {
    ...raw,
    PAYCENTER_MASTER_KEY: raw.PAYCENTER_MASTER_KEY ?? generated!.PAYCENTER_MASTER_KEY,
    NEXTAUTH_SECRET: raw.NEXTAUTH_SECRET ?? generated!.NEXTAUTH_SECRET,
    PAYCENTER_SANDBOX: raw.PAYCENTER_SANDBOX ?? !isProduction,
    PAYCENTER_WEBHOOK_PRIVATE_TARGETS: raw.PAYCENTER_WEBHOOK_PRIVATE_TARGETS ?? !isProduction,
    isProduction,
    dataDir,
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
