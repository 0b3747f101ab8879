import { z } from 'zod';
import { isIpOrCidr } from '@/server/lib/ip-or-cidr';

const bool = z
  .enum(['true', 'false', '1', '0'], { error: 'expected "true" or "false"' })
  .transform((v) => v === 'true' || v === '1');

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .min(min, { error: `expected at least ${min}` })
    .max(max, { error: `expected at most ${max}` });

const masterKey = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(v), {
    error: 'expected 32 random bytes in base64 (generate one with `openssl rand -base64 32`)',
  });

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/[^\s]+$/, { error: 'expected a PostgreSQL URL, e.g. postgresql://user:pass@host:5432/paycenter' });

const ipList = z
  .string()
  .transform((v) => v.split(',').map((entry) => entry.trim()).filter(Boolean))
  .refine((entries) => entries.every(isIpOrCidr), { error: 'expected comma-separated IP addresses or CIDR ranges, e.g. 10.0.0.0/8,192.0.2.7' });

/**
 * Every environment variable PayCenter reads. `.env.example` documents each one; keep the two
 * in step (a unit test compares them).
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: postgresUrl.optional(),
  PAYCENTER_DB_POOL_SIZE: int(2, 200).default(10),
  PAYCENTER_DATA_DIR: z.string().min(1).default('.data'),
  PAYCENTER_EMBEDDED_PG_PORT: int(1024, 65535).default(54329),
  PAYCENTER_BASE_URL: z.url({ error: 'expected the public base URL, e.g. https://pay.example.com' }).default('http://localhost:3000'),
  PAYCENTER_MASTER_KEY: masterKey.optional(),
  PAYCENTER_MASTER_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { error: 'expected 1-32 characters of [A-Za-z0-9_-]' }).default('k1'),
  PAYCENTER_MASTER_KEY_PREVIOUS: z
    .string()
    .regex(/^([A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, {
      error: 'expected comma-separated id:base64key pairs of retired master keys, e.g. k1:AAAA…=',
    })
    .optional(),
  NEXTAUTH_SECRET: z.string().min(32, { error: 'expected at least 32 characters (generate with `openssl rand -base64 32`)' }).optional(),
  NEXTAUTH_URL: z.url({ error: 'expected the dashboard URL, e.g. https://pay.example.com' }).optional(),
  PAYCENTER_SANDBOX: bool.optional(),
  PAYCENTER_WEBHOOK_PRIVATE_TARGETS: bool.optional(),
  PAYCENTER_TRUSTED_PROXIES: ipList.default([]),
  PAYCENTER_DINGTALK_WEBHOOK: z.url({ error: 'expected the platform robot\'s webhook URL, e.g. https://oapi.dingtalk.com/robot/send?access_token=…' }).optional(),
  PAYCENTER_DINGTALK_SECRET: z.string().min(1).optional(),
  PAYCENTER_METRICS_TOKEN: z.string().min(16, { error: 'expected at least 16 characters (generate one with `openssl rand -hex 32`)' }).optional(),
  PAYCENTER_ADMIN_EMAIL: z.email({ error: 'expected an email address' }).optional(),
  PAYCENTER_ADMIN_PASSWORD: z.string().min(12, { error: 'expected at least 12 characters' }).optional(),
  PAYCENTER_SESSION_MAX_AGE_SECONDS: int(60, 30 * 24 * 3600).default(8 * 3600),
  PAYCENTER_LOGIN_MAX_FAILURES: int(1, 100).default(5),
  PAYCENTER_LOGIN_LOCKOUT_SECONDS: int(1, 24 * 3600).default(15 * 60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INNGEST_DEV: z.string().optional(),
  INNGEST_BASE_URL: z.url().optional(),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
});

export type RawEnv = z.infer<typeof envSchema>;
