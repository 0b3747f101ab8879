import { z } from 'zod';

export const companyFields = z.object({
  name: z.string().trim().min(2).max(100),
  contactName: z.string().trim().max(50).optional().transform((v) => v || null),
  contactPhone: z
    .string()
    .trim()
    .regex(/^$|^[0-9+\-() ]{5,20}$/, { error: 'expected a phone number' })
    .optional()
    .transform((v) => v || null),
});
