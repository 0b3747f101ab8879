// GET /api/v1/payments/{serialNo}[?sync=true]
import { paymentQuery } from '@/server/contract/payment-queries';
import { getPayment } from '@/server/core/payments/find-payments';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { parseQuery } from '@/server/http/parse-body';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

export const GET = appRoute<{ serialNo: string }>(async ({ app, params, url }) => {
  const { sync } = parseQuery(url, paymentQuery);
  return { status: 200, body: { payment: await getPayment({ appId: app.id, serialNo: params.serialNo, sync }) } };
});
