import { z } from 'zod';
import { isOrigin } from '@/server/lib/http-url';
import { isIpOrCidr } from '@/server/lib/ip-or-cidr';
import { publicTargetRefinement } from '@/server/security/outbound-target';

export const notifyUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
  .max(2048)
  .refine((v) => !new URL(v).username && !new URL(v).password, { error: 'must not contain credentials' })
  // Checked again, host names included, on every delivery: saving has no DNS, so a name may change its addresses later.
  .refine(...publicTargetRefinement);

export const appFields = z.object({
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().max(500).optional().transform((v) => v || null),
  defaultNotifyUrl: z.union([notifyUrl, z.literal('')]).optional().transform((v) => v || null),
  ipAllowlist: z
    .array(z.string().trim().refine(isIpOrCidr, { error: 'expected an IP address or CIDR range, e.g. 203.0.113.0/24' }))
    .max(50)
    .default([]),
  /** Where payments may return users (returnUrl); empty allows any http(s) URL, omitted keeps them. Stored as the URL's origin (no trailing slash, lowercase host). */
  returnOrigins: z
    .array(z.string().trim().refine(isOrigin, { error: 'expected an origin, e.g. https://app.example' }).transform((v) => new URL(v).origin))
    .max(20)
    .optional(),
});
