import type { Order } from '@/server/db/generated/client';

/** The Order of api-contract.md (GET /api/v1/payments?merchantId=&orderNo=). */
export interface OrderObject {
  orderNo: string;
  merchantId: string;
  amount: number;
  currency: string;
  subject: string;
  status: Order['status'];
  paidSerialNo: string | null;
  createdAt: string;
  updatedAt: string;
}

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
