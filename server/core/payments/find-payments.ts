import { db } from '@/server/db/client';
import type { Order, Payment } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { isSerialNo } from '../serial-numbers';
import { toOrderObject, type OrderObject } from '@/server/contract/order';
import { toPaymentObject, type PaymentObject } from '@/server/contract/payment';
import { syncPayment } from './sync-payment';

/** One attempt of the app by serial number; another app's is 404, never 403. */
export async function findAppPayment(options: { appId: string; serialNo: string }): Promise<{ payment: Payment; order: Order }> {
  if (!isSerialNo(options.serialNo, 'P')) throw new AppError('NOT_FOUND', 'No such payment.');
  const payment = await db().payment.findUnique({ where: { serialNo: options.serialNo }, include: { order: true } });
  if (!payment || payment.appId !== options.appId) throw new AppError('NOT_FOUND', 'No such payment.');
  const { order, ...row } = payment;
  return { payment: row, order };
}

/** GET /api/v1/payments/{serialNo}[?sync=true]: with sync, the channel is asked first. */
export async function getPayment(options: { appId: string; serialNo: string; sync: boolean }): Promise<PaymentObject> {
  const found = await findAppPayment(options);
  const payment = options.sync && found.payment.status !== 'SUCCEEDED' ? await syncPayment({ serialNo: found.payment.serialNo }) : found.payment;
  return toPaymentObject(payment, found.order);
}

/** GET /api/v1/payments?merchantId=&orderNo=: the order with all its attempts, oldest first. */
export async function getOrder(options: { appId: string; merchantId: string; orderNo: string; sync: boolean }): Promise<{ order: OrderObject; payments: PaymentObject[] }> {
  const order = await db().order.findUnique({
    where: { appId_merchantId_orderNo: { appId: options.appId, merchantId: options.merchantId, orderNo: options.orderNo } },
  });
  if (!order) throw new AppError('NOT_FOUND', 'No such order.');
  let attempts = await db().payment.findMany({ where: { orderId: order.id }, orderBy: { createdAt: 'asc' } });
  if (options.sync) {
    await Promise.all(attempts.filter((a) => a.status === 'PENDING').map((a) => syncPayment({ serialNo: a.serialNo })));
    attempts = await db().payment.findMany({ where: { orderId: order.id }, orderBy: { createdAt: 'asc' } });
  }
  const current = await db().order.findUniqueOrThrow({ where: { id: order.id } });
  return { order: toOrderObject(current), payments: attempts.map((attempt) => toPaymentObject(attempt, current)) };
}

/** GET /api/v1/payments?channelTradeNo=: the app's attempt with that channel transaction number. */
export async function getPaymentByChannelTradeNo(options: { appId: string; channelTradeNo: string; sync: boolean }): Promise<PaymentObject> {
  const payment = await db().payment.findFirst({ where: { appId: options.appId, channelTradeNo: options.channelTradeNo }, orderBy: { createdAt: 'desc' } });
  if (!payment) throw new AppError('NOT_FOUND', 'No such payment.');
  return getPayment({ appId: options.appId, serialNo: payment.serialNo, sync: options.sync });
}
