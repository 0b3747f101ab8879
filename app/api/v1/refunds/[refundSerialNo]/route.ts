import { findRefundForApp } from '@/server/core/refunds/find-refund';
import { toRefundObject } from '@/server/contract/refund';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** GET /api/v1/refunds/{refundSerialNo}: one of the app's refunds. */
export const GET = appRoute<{ refundSerialNo: string }>(async (request) => {
  const refund = await findRefundForApp({ appId: request.app.id, refundSerialNo: request.params.refundSerialNo });
  return { status: 200, body: { refund: toRefundObject(refund) } };
});
