// POST /api/v1/payments/{serialNo}/close — closes a PENDING attempt at its channel and locally; idempotent.
import { closePayment } from '@/server/core/payments/close-payment';
import { findAppPayment } from '@/server/core/payments/find-payments';
import { toPaymentObject } from '@/server/contract/payment';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';

export const dynamic = 'force-dynamic';
export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods('POST');

export const POST = appRoute<{ serialNo: string }>(async ({ app, params }) => {
  const { order } = await findAppPayment({ appId: app.id, serialNo: params.serialNo });
  const payment = await closePayment({ serialNo: params.serialNo, reason: 'APP_REQUEST' });
  return { status: 200, body: { payment: toPaymentObject(payment, order) } };
});
