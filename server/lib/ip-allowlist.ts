import { BlockList, isIP } from 'node:net';

const familyName = (family: number) => (family === 6 ? 'ipv6' : 'ipv4');

/**
 * Whether an address is on an app's allowlist of exact addresses and CIDR ranges (IPv4 and IPv6;
 * IPv4-mapped IPv6 addresses match IPv4 entries). An empty list allows any address; a non-empty
 * list refuses a request whose address is unknown.
 */
export function ipAllowed(allowlist: readonly string[], address: string | null): boolean {
  if (allowlist.length === 0) return true;
  const family = address ? isIP(address) : 0;
  if (!address || !family) return false;
  const list = new BlockList();
  for (const entry of allowlist) {
    const [network = '', bits] = entry.split('/');
    const entryFamily = isIP(network);
    // Entries are validated when saved (isIpOrCidr); skip anything else.
    if (!entryFamily) continue;
    if (bits === undefined) list.addAddress(network, familyName(entryFamily));
    else list.addSubnet(network, Number(bits), familyName(entryFamily));
  }
  return list.check(address, familyName(family));
}
