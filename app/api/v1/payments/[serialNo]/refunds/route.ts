import { createRefund } from '@/server/core/refunds/create-refund';
import { createRefundRequest, toRefundObject } from '@/server/contract/refund';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { parseJsonBody } from '@/server/http/parse-body';

export const dynamic = 'force-dynamic';
export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods('POST');

/** POST /api/v1/payments/{serialNo}/refunds: 201 a new refund, 200 the same refundNo again. */
export const POST = appRoute<{ serialNo: string }>(async (request) => {
  const body = parseJsonBody(request.rawBody, createRefundRequest);
  const { created, refund } = await createRefund({
    serialNo: request.params.serialNo,
    amount: body.amount,
    reason: body.reason ?? null,
    by: { kind: 'APP', appId: request.app.id, refundNo: body.refundNo },
  });
  return { status: created ? 201 : 200, body: { refund: toRefundObject(refund) } };
});
