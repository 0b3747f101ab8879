// GET /checkout/{serialNo}/status: what the checkout page polls. Public like the page, so it tells
// only the payer-facing status and the deadline.
import { getCheckout } from '@/server/core/payments/get-checkout';
import { AppError } from '@/server/errors/app-error';
import { errorResponse, jsonResponse } from '@/server/http/json-response';
import { requestIdFrom } from '@/server/lib/request-id';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ serialNo: string }> }): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const checkout = await getCheckout({ serialNo: (await context.params).serialNo });
  if (!checkout) return errorResponse(new AppError('NOT_FOUND', 'No such payment.'), requestId);
  return jsonResponse(200, { status: checkout.status, expiresAt: checkout.expiresAt.toISOString() }, requestId);
}
