import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { env } from '@/server/config/env';
import { ipAllowed } from '@/server/lib/ip-allowlist';

// Loopback, private, link-local (cloud metadata), CGNAT, unspecified, multicast and reserved ranges.
const NON_PUBLIC = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/3',
  '::/128', '::1/128', 'fc00::/7', 'fe80::/10', 'ff00::/8',
];

/** Loopback, private, link-local and the other ranges a webhook must not reach unless private targets are allowed. */
export function isNonPublicAddress(address: string): boolean {
  return ipAllowed(NON_PUBLIC, address);
}

/**
 * Why a notify URL must not be called, or null. Only http(s); unless private targets are allowed
 * (PAYCENTER_WEBHOOK_PRIVATE_TARGETS, off in production) also no host that resolves to a non-public
 * address, so an app cannot make the center probe its own network (the connection checks the
 * addresses again, see postWebhook).
 */
export async function undeliverableReason(url: string, options: { publicOnly?: boolean } = {}): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'only http and https URLs are called';
  if (!(options.publicOnly ?? !env().PAYCENTER_WEBHOOK_PRIVATE_TARGETS)) return null;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) return `${host} does not resolve`;
  const blocked = addresses.find(isNonPublicAddress);
  return blocked ? `${host} resolves to the non-public address ${blocked}` : null;
}
