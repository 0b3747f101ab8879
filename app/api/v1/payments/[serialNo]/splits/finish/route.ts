// POST /api/v1/payments/{serialNo}/splits/finish — releases the held rest to the merchant; idempotent; answers the payment.
import { finishSplits } from '@/server/core/splits/finish-splits';
import { toPaymentObject } from '@/server/contract/payment';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';

export const dynamic = 'force-dynamic';
export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods('POST');

export const POST = appRoute<{ serialNo: string }>(async ({ app, params }) => {
  const payment = await finishSplits({ appId: app.id, serialNo: params.serialNo });
  return { status: 200, body: { payment: toPaymentObject(payment, payment.order) } };
});
