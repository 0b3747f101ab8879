import { resolveGrantedMerchant, resolvePaymentChannel } from '@/server/core/access/resolve-payment-channel';
import type { AppAction } from '@/server/contract/action';
import { AppError } from '@/server/errors/app-error';
import { parseRequest } from '@/server/gateway/request-parser';
import { checkoutChannels } from './checkout-channels';
import { closeSuperseded } from './close-superseded';
import type { InitiatePaymentInput } from './initiate-payment-input';
import { checkoutUrl } from './notify-url';
import { openAttempt } from './open-attempt';
import { toPaymentObject, type PaymentObject } from '@/server/contract/payment';
import { assertReturnUrlAllowed } from './return-url';
import { sendAttempt } from './send-attempt';
import { splitsOf } from '../splits/split-channel';

export interface InitiatedPayment {
  /** false when an identical request found its live attempt (answered 200; nothing sent again). */
  created: boolean;
  payment: PaymentObject;
  action: AppAction;
}

/**
 * CASHIER: the order and an attempt without a channel; the payer chooses one on the hosted checkout
 * (chooseCheckoutChannel). Refused when the merchant offers no channel that can take payments.
 */
async function initiateCashier(options: { app: { id: string }; input: InitiatePaymentInput; now: Date }): Promise<InitiatedPayment> {
  const { app, input, now } = options;
  if (input.paymentId) throw AppError.invalidFields({ paymentId: 'must be omitted with CASHIER: the payer chooses the channel' });
  // The payer could choose a channel without splitting: a split payment names its paymentId.
  if (input.profitSharing) throw new AppError('SPLIT_NOT_SUPPORTED', 'Profit sharing needs a paymentId with splitting enabled, not CASHIER.');
  const { company } = await resolveGrantedMerchant({ app, merchantId: input.merchantId });
  const offered = (await checkoutChannels(input.merchantId)).filter((entry) => entry.available);
  if (offered.length === 0) throw new AppError('METHOD_NOT_SUPPORTED', 'The merchant has no enabled channel the checkout can offer.');
  const livemode = offered.some((entry) => entry.channel.mode === 'LIVE');

  const opened = await openAttempt({ appId: app.id, companyId: company.id, route: null, livemode, input, now });
  if (opened.kind === 'NEW' && opened.supersedes) await closeSuperseded(opened.supersedes, opened.payment);
  const action: AppAction = { type: 'CHECKOUT', url: checkoutUrl(opened.payment.serialNo) };
  return { created: opened.kind === 'NEW', payment: toPaymentObject(opened.payment, opened.order, now), action };
}

/**
 * POST /api/v1/payments: resolves the merchant and payment IDs, asks the request parser, records
 * the attempt under the order's lock, then calls the channel outside any transaction.
 */
export async function initiatePayment(options: { app: { id: string }; input: InitiatePaymentInput; now?: Date }): Promise<InitiatedPayment> {
  const { app, input } = options;
  const now = options.now ?? new Date();
  await assertReturnUrlAllowed({ appId: app.id, returnUrl: input.returnUrl });
  if (input.invokeMethod === 'CASHIER') return initiateCashier({ app, input, now });
  if (!input.paymentId) throw AppError.invalidFields({ paymentId: 'is required unless invokeMethod is CASHIER' });
  const target = await resolvePaymentChannel({ app, merchantId: input.merchantId, paymentId: input.paymentId, now });
  if (input.profitSharing) splitsOf(target.channel);
  const execution = parseRequest({
    channel: target.channel.channel,
    invokeMethod: input.invokeMethod,
    enabled: target.channel.invokeMethods,
    payerOpenId: input.payer?.openId,
    payerBuyerId: input.payer?.buyerId,
    payerClientIp: input.payer?.clientIp,
  });

  const opened = await openAttempt({ appId: app.id, companyId: target.company.id, route: { channel: target.channel, execution }, input, now });
  if (opened.kind === 'EXISTING') {
    return { created: false, payment: toPaymentObject(opened.payment, opened.order, now), action: opened.action.app };
  }
  if (opened.supersedes) await closeSuperseded(opened.supersedes, opened.payment);
  const sent = await sendAttempt(opened.payment, execution, target.account);
  return { created: true, payment: toPaymentObject(sent.payment, opened.order, now), action: sent.action };
}
