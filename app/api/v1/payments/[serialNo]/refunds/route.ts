import { z } from 'zod';
import { createRefund } from '@/server/core/refunds/create-refund';
import { toRefundObject } from '@/server/contract/refund';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { parseJsonBody } from '@/server/http/parse-body';

export const dynamic = 'force-dynamic';
export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods('POST');

const refundBody = z.strictObject({
  refundNo: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { error: 'expected 1-64 characters of A-Z a-z 0-9 _ -' }),
  amount: z.number().int().positive().max(100_000_000_00),
  reason: z.string().max(256).optional(),
});

/** POST /api/v1/payments/{serialNo}/refunds: 201 a new refund, 200 the same refundNo again. */
export const POST = appRoute<{ serialNo: string }>(async (request) => {
  const body = parseJsonBody(request.rawBody, refundBody);
  const { created, refund } = await createRefund({
    serialNo: request.params.serialNo,
    amount: body.amount,
    reason: body.reason ?? null,
    by: { kind: 'APP', appId: request.app.id, refundNo: body.refundNo },
  });
  return { status: created ? 201 : 200, body: { refund: toRefundObject(refund) } };
});
