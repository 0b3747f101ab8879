// EasyPay (易支付) credentials: gateway base URL, merchant pid and the MD5 key.
import { z } from 'zod';
import { FieldIssues, text } from './field-issues';
import type { EasyPayCredentials } from './types';

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
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
});
const pidSchema = text.regex(/^\d{1,20}$/, 'must be the merchant ID (商户ID): digits only');
// The key is appended raw to the signed string, so any printable ASCII (& = + % included) is fine.
const keySchema = text
  .regex(/^[\x20-\x7e]*$/, 'must contain only printable ASCII characters')
  .refine((key) => key.length >= 8 && key.length <= 128, { error: (issue) => `must be 8 to 128 characters long (this one has ${String(issue.input).length})` });

export function validateEasyPay(input: Record<string, unknown>): EasyPayCredentials {
  const issues = new FieldIssues();
  const valid = issues.complete({
    gatewayUrl: issues.parse('gatewayUrl', gatewayUrlSchema, input.gatewayUrl),
    pid: issues.parse('pid', pidSchema, input.pid),
    key: issues.parse('key', keySchema, input.key),
  });
  return { channel: 'EASYPAY', ...valid };
}
