import { isIP } from 'node:net';
import { env } from '@/server/config/env';
import { PEER_HEADER } from './peer-address';
import { ipAllowed } from './ip-allowlist';

/** One address as a proxy writes it: `[v6]` or `v4` with an optional `:port`; IPv4-mapped IPv6 as IPv4. Null if garbage. */
function addressOf(entry: string): string | null {
  const trimmed = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(trimmed)?.[1];
  const withoutPort = bracketed ?? /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?$/.exec(trimmed)?.[1] ?? trimmed;
  const address = withoutPort.replace(/^::ffff:(?=\d{1,3}(?:\.\d{1,3}){3}$)/i, '');
  return isIP(address) ? address : null;
}

interface ClientIpInput {
  /** The TCP peer, from the socket (PEER_HEADER). */
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  /** Addresses and CIDR ranges of the proxies allowed to say who the client is. */
  trustedProxies: readonly string[];
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy; then the right-most
 * X-Forwarded-For hop that is not a trusted proxy (everything left of it was written by the client).
 * Null when that hop is not an address, so an allowlist refuses rather than guesses.
 */
export function resolveClientIp({ peer, forwardedFor, trustedProxies }: ClientIpInput): string | null {
  const trusted = (address: string) => trustedProxies.length > 0 && ipAllowed(trustedProxies, address);
  let client = peer ? addressOf(peer) : null;
  if (!client || !trusted(client)) return client;
  const hops = forwardedFor?.trim() ? forwardedFor.split(',') : [];
  for (const hop of hops.reverse()) {
    client = addressOf(hop);
    if (!client || !trusted(client)) return client;
  }
  // Every hop is a trusted proxy: the farthest one is the client.
  return client;
}

/** The client address of a request PayCenter's own HTTP entry received (scripts/serve.ts). */
export function clientIp(headers: Pick<Headers, 'get'>): string | null {
  return resolveClientIp({ peer: headers.get(PEER_HEADER), forwardedFor: headers.get('x-forwarded-for'), trustedProxies: env().PAYCENTER_TRUSTED_PROXIES });
}
