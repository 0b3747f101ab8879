import { z } from 'zod';

/** `?sync=true` asks the channel first (active query); only "true" and "false" are accepted. */
const syncFlag = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .optional()
  .transform((value) => value === 'true')
  .meta({ description: '"true" asks the channel for the current state first (active query) and updates the record.' });

/** The query of GET /api/v1/payments/{serialNo}. */
export const paymentQuery = z.strictObject({ sync: syncFlag });

/** The query of GET /api/v1/payments: merchantId and orderNo (the order and its attempts), or channelTradeNo (one payment). */
export const paymentLookupQuery = z.strictObject({
  merchantId: z.string().min(1).max(64).optional(),
  orderNo: z.string().min(1).max(64).optional(),
  channelTradeNo: z.string().min(1).max(64).optional(),
  sync: syncFlag,
});
