import { z } from 'zod';
import type { Order } from '@/server/db/generated/client';
import { OrderStatus } from '@/server/db/generated/enums';
import { isoTime } from './fields';

/** The Order of api-contract.md (GET /api/v1/payments?merchantId=&orderNo=). */
export const orderObject = z.object({
  orderNo: z.string(),
  merchantId: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  subject: z.string(),
  status: z.enum(OrderStatus),
  paidSerialNo: z.string().nullable().meta({ description: 'The attempt that paid the order.' }),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export type OrderObject = z.infer<typeof orderObject>;

export function toOrderObject(order: Order): OrderObject {
  return {
    orderNo: order.orderNo,
    merchantId: order.merchantId,
    amount: order.amount,
    currency: order.currency,
    subject: order.subject,
    status: order.status,
    paidSerialNo: order.paidSerialNo,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
