// EasyPay (易支付) credentials: gateway base URL, merchant pid, the MD5 key and, optionally, the pay
// type (alipay / wxpay) per invoke method. What they look like, how what a company enters is
// checked, and what the dashboard may see of them.
import { z } from 'zod';
import { env } from '@/server/config/env';
import { FieldIssues, text } from '@/server/gateway/credentials/field-issues';
import { urlTargetProblem } from '@/server/security/outbound-target';
import { maskSecret, type MaskedSecret } from '@/server/gateway/credentials/mask-material';

export const EASYPAY_PAY_TYPES = ['alipay', 'wxpay'] as const;
export type EasyPayType = (typeof EASYPAY_PAY_TYPES)[number];
export const EASYPAY_DEFAULT_PAY_TYPE: EasyPayType = 'alipay';
export const EASYPAY_INVOKE_METHODS = ['PC', 'WAP', 'QR'] as const;
export type EasyPayTypes = Partial<Record<(typeof EASYPAY_INVOKE_METHODS)[number], EasyPayType>>;

export interface EasyPayCredentials {
  channel: 'EASYPAY';
  /** Gateway base URL without trailing slash; submit.php, mapi.php and api.php hang off it. */
  gatewayUrl: string;
  pid: string;
  /** The merchant's MD5 key. */
  key: string;
  /**
   * Which epay `type` each invoke method pays with, as the merchant's EasyPay account offers them;
   * a method left out pays with alipay (EASYPAY_DEFAULT_PAY_TYPE).
   */
  payTypes?: EasyPayTypes;
}

const ENDPOINT_FILE = /\/(submit|mapi|api)\.php$/i;

const gatewayUrlSchema = text.transform((value, ctx) => {
  const problem = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (!URL.canParse(value)) return problem('must be an http(s) URL such as https://pay.example.com');
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return problem('must start with http:// or https://');
  if (url.username || url.password) return problem('must not contain a user name or password');
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return problem('must not contain a query string or fragment');
  if (ENDPOINT_FILE.test(url.pathname)) return problem('must be the gateway base URL, without submit.php, mapi.php or api.php');
  const gatewayUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  // Without DNS: a host name is judged by its addresses on every call (callEasypay). The server's own
  // origin (PAYCENTER_BASE_URL, where the sandbox's simulator lives) is the operator's, not a company's.
  if (url.origin !== new URL(env().PAYCENTER_BASE_URL).origin && urlTargetProblem(gatewayUrl)) return problem('must be a public address, not a loopback, private or reserved one');
  return gatewayUrl;
});
const pidSchema = text.regex(/^\d{1,20}$/, 'must be the merchant ID (商户ID): digits only');
// The key is appended raw to the signed string, so any printable ASCII (& = + % included) is fine.
const keySchema = text
  .regex(/^[\x20-\x7e]*$/, 'must contain only printable ASCII characters')
  .refine((key) => key.length >= 8 && key.length <= 128, { error: (issue) => `must be 8 to 128 characters long (this one has ${String(issue.input).length})` });
const payTypesSchema: z.ZodType<EasyPayTypes, unknown> = z.strictObject(
  Object.fromEntries(EASYPAY_INVOKE_METHODS.map((method) => [method, z.enum(EASYPAY_PAY_TYPES, { error: `${method} must be one of ${EASYPAY_PAY_TYPES.join(', ')}` }).optional()])),
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `only ${EASYPAY_INVOKE_METHODS.join(', ')} can be set` : 'must be an object such as {"QR": "wxpay"}') },
);

export function validateEasyPay(input: Record<string, unknown>): EasyPayCredentials {
  const issues = new FieldIssues();
  const gatewayUrl = issues.parse('gatewayUrl', gatewayUrlSchema, input.gatewayUrl);
  const pid = issues.parse('pid', pidSchema, input.pid);
  const key = issues.parse('key', keySchema, input.key);
  const payTypes = issues.parse('payTypes', payTypesSchema, input.payTypes, null);
  const valid = issues.complete({ gatewayUrl, pid, key });
  // Absent unless set, so credentials saved before the setting existed read the same.
  return { channel: 'EASYPAY', ...valid, ...(payTypes && Object.keys(payTypes).length > 0 ? { payTypes } : {}) };
}

export interface MaskedEasyPay {
  channel: 'EASYPAY';
  gatewayUrl: string;
  pid: string;
  key: MaskedSecret;
  /** Which epay `type` each invoke method pays with (not a secret). */
  payTypes?: EasyPayTypes;
}

export function maskEasyPay(credentials: EasyPayCredentials): MaskedEasyPay {
  return {
    channel: 'EASYPAY',
    gatewayUrl: credentials.gatewayUrl,
    pid: credentials.pid,
    key: maskSecret(credentials.key),
    ...(credentials.payTypes ? { payTypes: credentials.payTypes } : {}),
  };
}
