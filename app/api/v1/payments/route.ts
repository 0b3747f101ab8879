// POST /api/v1/payments — initiate a payment; GET /api/v1/payments?merchantId=&orderNo= | ?channelTradeNo= — look one up.
import { getOrder, getPaymentByChannelTradeNo } from '@/server/core/payments/find-payments';
import { initiatePayment } from '@/server/core/payments/initiate-payment';
import { initiatePaymentInput } from '@/server/core/payments/initiate-payment-input';
import { paymentLookupQuery } from '@/server/contract/payment-queries';
import { AppError } from '@/server/errors/app-error';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { parseJsonBody, parseQuery } from '@/server/http/parse-body';

export const dynamic = 'force-dynamic';
export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');

export const POST = appRoute(async ({ app, rawBody }) => {
  const result = await initiatePayment({ app, input: parseJsonBody(rawBody, initiatePaymentInput) });
  return { status: result.created ? 201 : 200, body: { payment: result.payment, action: result.action } };
});

export const GET = appRoute(async ({ app, url }) => {
  const query = parseQuery(url, paymentLookupQuery);
  if (query.channelTradeNo && !query.orderNo && !query.merchantId) {
    return { status: 200, body: { payment: await getPaymentByChannelTradeNo({ appId: app.id, channelTradeNo: query.channelTradeNo, sync: query.sync }) } };
  }
  if (query.merchantId && query.orderNo && !query.channelTradeNo) {
    return { status: 200, body: await getOrder({ appId: app.id, merchantId: query.merchantId, orderNo: query.orderNo, sync: query.sync }) };
  }
  throw new AppError('INVALID_REQUEST', 'Look a payment up by merchantId and orderNo, or by channelTradeNo.', {
    fields: query.merchantId || query.orderNo ? { [query.merchantId ? 'orderNo' : 'merchantId']: 'is required with ' + (query.merchantId ? 'merchantId' : 'orderNo') } : { channelTradeNo: 'or merchantId and orderNo is required' },
  });
});
