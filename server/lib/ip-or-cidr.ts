// Browser-safe (no node:net): the dashboard's app form checks allowlist lines with the same rule
// the server enforces when it saves them.

function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** Full IPv6 syntax (compressed, IPv4-embedded) as the URL parser knows it; no zone index. */
function isIPv6(value: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || !value.includes(':')) return false;
  try {
    new URL(`http://[${value}]/`);
    return true;
  } catch {
    return false;
  }
}

/** An IPv4 or IPv6 address, optionally with /bits within its family's length (an allowlist entry). */
export function isIpOrCidr(value: string): boolean {
  const [address = '', bits, extra] = value.split('/');
  if (extra !== undefined) return false;
  const maxBits = isIPv4(address) ? 32 : isIPv6(address) ? 128 : 0;
  if (!maxBits) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= maxBits;
}
