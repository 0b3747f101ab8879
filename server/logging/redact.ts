// Secrets are removed by key name, at any depth, before a log line is written. Names cover the
// channel credentials (private keys, APIv3 keys, EasyPay keys), app secrets, passwords and tokens.
const SECRET_KEY = /pass(word)?|secret|private_?key|api_?v3|apikey|authorization|cookie|token|signature|^sign$|^key$|master_?key|credential/i;

export const REDACTED = '[REDACTED]';

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(item, depth + 1);
  }
  return out;
}
