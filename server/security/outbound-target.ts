import { lookup } from 'node:dns/promises';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { env } from '@/server/config/env';
import { ipAllowed } from '@/server/lib/ip-allowlist';

// The server's own network and the IANA special-purpose ranges: loopback, private, CGNAT, link-local
// (cloud metadata), IETF protocol assignments, documentation and benchmarking, multicast and reserved;
// in IPv6 also the forms that carry an IPv4 address a router may translate or tunnel to (IPv4-compatible
// ::/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, Teredo 2001::/32, 6to4 2002::/16) and deprecated
// site-local fec0::/10. IPv4-mapped ::ffff:a.b.c.d is judged by its IPv4 address (BlockList does).
const NON_PUBLIC = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24',
  '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/3',
  '::/96', '64:ff9b::/96', '64:ff9b:1::/48', '100::/64', '2001::/32', '2001:2::/48', '2001:db8::/32', '2002::/16',
  'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8',
];

/** A connection refused because its target is not public. */
export class TargetRefused extends Error {
  constructor(reason: string) {
    super(`refused: ${reason}`);
  }
}

/** Loopback, private, link-local and the other ranges an outbound request must not reach unless private targets are allowed. */
export function isNonPublicAddress(address: string): boolean {
  return ipAllowed(NON_PUBLIC, address);
}

/**
 * Whether outbound requests that tenants configure (webhooks, live EasyPay gateways) may reach
 * loopback and private addresses: PAYCENTER_WEBHOOK_PRIVATE_TARGETS, on in development, off in production.
 */
export const privateTargetsAllowed = (): boolean => env().PAYCENTER_WEBHOOK_PRIVATE_TARGETS;

/**
 * Why a URL must not be called, judged without DNS (cheap enough for every request that carries
 * one): only http(s); unless private targets are allowed, no `localhost` and no non-public address
 * literal. A host name is judged by its addresses when called (undeliverableReason, publicOnlyLookup).
 */
export function urlTargetProblem(url: string, options: { publicOnly?: boolean } = {}): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'only http and https URLs are called';
  if (!(options.publicOnly ?? !privateTargetsAllowed())) return null;
  const host = hostOf(parsed);
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} always resolves to a non-public address`;
  return isIP(host) && isNonPublicAddress(host) ? `${host} is a non-public address` : null;
}

/**
 * The same check as a zod refinement, for URL fields the center will call (notify URLs): by address
 * only, the field's own schema reports a URL that does not parse. `.refine(...publicTargetRefinement)`.
 */
export const publicTargetRefinement = [
  (url: string) => !URL.canParse(url) || urlTargetProblem(url) === null,
  { error: (issue: { input: unknown }) => `must not point at the server's own network: ${urlTargetProblem(String(issue.input))}` },
] as const;

// URL keeps the brackets of an IPv6 literal and a host name's final dot.
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

/**
 * Why a notify URL must not be called, or null: urlTargetProblem, then (unless private targets are
 * allowed) every address the host resolves to, so an app cannot make the center probe its own
 * network (the connection checks the addresses again, see publicOnlyLookup).
 */
export async function undeliverableReason(url: string, options: { publicOnly?: boolean } = {}): Promise<string | null> {
  const publicOnly = options.publicOnly ?? !privateTargetsAllowed();
  const problem = urlTargetProblem(url, { publicOnly });
  if (problem || !publicOnly) return problem;
  const host = hostOf(new URL(url));
  if (isIP(host)) return null;
  const addresses = (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) return `${host} does not resolve`;
  const blocked = addresses.find(isNonPublicAddress);
  return blocked ? `${host} resolves to the non-public address ${blocked}` : null;
}

/**
 * Resolves like the system does, but fails the connection when any address is not public: the
 * check happens on the addresses actually connected to, so a DNS answer that changes between the
 * check and the request (rebinding) cannot reach the internal network either.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const blocked = addresses.find((a) => isNonPublicAddress(a.address));
    if (blocked || addresses.length === 0) return callback(new TargetRefused(`${hostname} resolves to the non-public address ${blocked?.address ?? '(none)'}`), '', 0);
    if ((options as LookupOptions).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
