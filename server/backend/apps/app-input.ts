import { isIP } from 'node:net';
import { z } from 'zod';

function isAddressOrRange(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (!family) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

export const notifyUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
  .max(2048)
  .refine((v) => !new URL(v).username && !new URL(v).password, { error: 'must not contain credentials' });

/** scheme://host[:port] and nothing more; stored as the URL's origin (no trailing slash, lowercase host). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
  } catch {
    return false;
  }
}

export const appFields = z.object({
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().max(500).optional().transform((v) => v || null),
  defaultNotifyUrl: z.union([notifyUrl, z.literal('')]).optional().transform((v) => v || null),
  ipAllowlist: z
    .array(z.string().trim().refine(isAddressOrRange, { error: 'expected an IP address or CIDR range, e.g. 203.0.113.0/24' }))
    .max(50)
    .default([]),
  /** Where payments may return users (returnUrl); empty allows any http(s) URL, omitted keeps them. */
  returnOrigins: z
    .array(z.string().trim().refine(isOrigin, { error: 'expected an origin, e.g. https://app.example' }).transform((v) => new URL(v).origin))
    .max(20)
    .optional(),
});
