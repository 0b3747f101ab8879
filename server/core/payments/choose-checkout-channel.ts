import { resolvePaymentChannel } from '@/server/core/access/resolve-payment-channel';
import { db } from '@/server/db/client';
import type { Channel, InvokeMethod, Order, Payment, PaymentChannel } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { parseRequest, type Execution } from '@/server/gateway/request-parser';
import type { ChannelAction } from '@/server/contract/action';
import { isSerialNo } from '../serial-numbers';
import { checkoutOffer } from './checkout-channels';
import { onPhone, type CheckoutEnvironment } from './checkout-environment';
import { closeSuperseded } from './close-superseded';
import type { InitiatePaymentInput } from './initiate-payment-input';
import { openAttempt, requestHash } from './open-attempt';
import { nextQueryAt } from './query-schedule';
import { sendAttempt } from './send-attempt';
import type { ChannelAccount } from '@/server/gateway/types';

export interface ChosenChannel {
  /** The attempt sent to the channel: the CASHIER attempt itself on the first choice, a new one after. */
  serialNo: string;
  action: ChannelAction;
}

/**
 * The channel's own page where it has one (PC page pay on desktops, WAP on phones), else a QR code —
 * also when the page needs what the checkout does not know (WeChat Pay H5 without the payer's IP).
 */
function executionFor(channel: PaymentChannel, environment: CheckoutEnvironment, payer: { clientIp?: string | null; openId?: string | null; buyerId?: string | null }): Execution {
  const methods: Array<Exclude<InvokeMethod, 'CASHIER'>> = onPhone(environment) ? ['WAP', 'QR'] : ['PC', 'QR'];
  // Inside Alipay with the buyer's id: Alipay's JSAPI (alipay.trade.create), as for mini programs.
  if (environment === 'ALIPAY' && payer.buyerId) methods.unshift('MINI_PROGRAM');
  for (const invokeMethod of methods) {
    try {
      // WAP with the payer's openid is JSAPI (inside WeChat).
      return parseRequest({ channel: channel.channel, invokeMethod, enabled: channel.invokeMethods, payerClientIp: payer.clientIp, payerOpenId: payer.openId, payerBuyerId: payer.buyerId });
    } catch (error) {
      if (!(error instanceof AppError && (error.code === 'METHOD_NOT_SUPPORTED' || error.code === 'INVALID_REQUEST'))) throw error;
    }
  }
  throw new AppError('METHOD_NOT_SUPPORTED', `${channel.channel} has no method enabled that the checkout can use.`, { channel: channel.channel });
}

interface PayerDetails {
  clientIp: string | null;
  openId: string | null;
  buyerId: string | null;
}

/** What the checkout learnt of the payer, added to what the app said (which it never overrides). */
function withPayerDetails(payer: InitiatePaymentInput['payer'], learnt: PayerDetails): InitiatePaymentInput['payer'] {
  const added = {
    ...(learnt.clientIp && !payer?.clientIp ? { clientIp: learnt.clientIp } : {}),
    ...(learnt.openId && !payer?.openId ? { openId: learnt.openId } : {}),
    ...(learnt.buyerId && !payer?.buyerId ? { buyerId: learnt.buyerId } : {}),
  };
  return Object.keys(added).length > 0 ? { ...payer, ...added } : payer;
}

/** The CASHIER request as the app made it, for the attempts the checkout makes on its behalf. */
function cashierInput(payment: Payment, order: Order, paymentId: string, now: Date, learnt: PayerDetails): InitiatePaymentInput {
  const payer = (payment.payer ?? undefined) as InitiatePaymentInput['payer'];
  return {
    merchantId: payment.merchantId,
    paymentId,
    orderNo: order.orderNo,
    amount: payment.amount,
    currency: 'CNY',
    subject: payment.subject,
    invokeMethod: 'CASHIER',
    returnUrl: payment.returnUrl ?? undefined,
    notifyUrl: payment.notifyUrl ?? undefined,
    // The new attempt ends when the checkout does.
    expiresInSeconds: Math.ceil((payment.expiresAt.getTime() - now.getTime()) / 1000),
    // The payer's own browser is on the checkout: WeChat Pay H5 must be told its address, JSAPI the payer's id the app gave.
    payer: withPayerDetails(payer, learnt),
    metadata: payment.metadata as Record<string, string>,
  };
}

/**
 * The first choice gives the CASHIER attempt its channel, under the order's lock and only while it
 * has none, so the serial number the app holds becomes the paid one. False when it already has one.
 */
async function bindCashierAttempt(payment: Payment, channel: PaymentChannel, execution: Execution, input: InitiatePaymentInput, now: Date): Promise<Payment | null> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${payment.orderId} FOR UPDATE`;
    const bound = await tx.payment.updateMany({
      where: { serialNo: payment.serialNo, status: 'PENDING', paymentChannelId: null, expiresAt: { gt: now } },
      data: {
        paymentChannelId: channel.id,
        channel: channel.channel,
        executionMethod: execution.method,
        livemode: channel.mode === 'LIVE',
        requestHash: requestHash({ channel, execution }, input),
        // What the checkout learnt of the payer (its address) goes to the channel with the attempt.
        ...(input.payer ? { payer: input.payer } : {}),
        nextQueryAt: nextQueryAt({ createdAt: now, expiresAt: payment.expiresAt, queriesDone: 0 }),
      },
    });
    if (bound.count === 0) return null;
    // Sent to a channel now: the 15-second rule counts from here.
    await tx.order.update({ where: { id: payment.orderId }, data: { lastAttemptAt: now } });
    return tx.payment.findUniqueOrThrow({ where: { serialNo: payment.serialNo } });
  });
}

async function send(payment: Payment, execution: Execution, account: ChannelAccount): Promise<ChosenChannel> {
  const sent = await sendAttempt(payment, execution, account);
  return { serialNo: sent.payment.serialNo, action: sent.channelAction };
}

interface CheckoutChoice {
  serialNo: string;
  channel: Channel;
  environment: CheckoutEnvironment;
  now: Date;
}

/**
 * A payable CASHIER checkout and the payment channel the payer chose on it, offered where the payer
 * is, with the app's grant, the merchant and the channel checked as for the API.
 */
export async function resolveCheckoutChoice(options: CheckoutChoice) {
  const { now } = options;
  const found = isSerialNo(options.serialNo, 'P') ? await db().payment.findUnique({ where: { serialNo: options.serialNo }, include: { order: true } }) : null;
  if (!found || found.invokeMethod !== 'CASHIER') throw new AppError('NOT_FOUND', 'No such checkout.');
  const { order, ...payment } = found;
  if (order.status === 'PAID') throw new AppError('ORDER_ALREADY_PAID');
  if (order.status === 'CLOSED' || payment.expiresAt <= now) throw new AppError('ORDER_CLOSED', 'This payment has expired.');

  const offered = (await checkoutOffer(payment.merchantId, options.environment)).choices.find((entry) => entry.available && entry.channel.channel === options.channel);
  if (!offered) throw new AppError('METHOD_NOT_SUPPORTED', `${options.channel} is not offered for this payment.`);
  const target = await resolvePaymentChannel({ app: { id: payment.appId }, merchantId: payment.merchantId, paymentId: offered.channel.id, now });
  return { payment, order, target };
}

/**
 * The payer of a CASHIER payment chose a channel on the hosted checkout: the attempt is made through
 * the same steps as POST /api/v1/payments (grant and channel checks, request parser, order lock,
 * 15-second rule, superseded attempt closed, channel call). Choosing the same channel again while its
 * attempt is live returns that attempt; nothing is sent twice. Inside WeChat, WeChat Pay takes the
 * payer's openid from WeChat's web authorization and pays by JSAPI; inside Alipay, with the buyer's
 * id from Alipay's, Alipay pays by JSAPI (see pay-inside-app.ts).
 */
export async function chooseCheckoutChannel(options: Omit<CheckoutChoice, 'now'> & { clientIp?: string | null; payerOpenId?: string; payerBuyerId?: string; now?: Date }): Promise<ChosenChannel> {
  const now = options.now ?? new Date();
  if (options.environment === 'WECHAT' && options.channel === 'WECHATPAY' && !options.payerOpenId) {
    throw new AppError('INVALID_REQUEST', "Inside WeChat, WeChat Pay needs the payer's openid from WeChat's authorization.");
  }
  const { payment, order, target } = await resolveCheckoutChoice({ ...options, now });
  const input = cashierInput(payment, order, target.channel.id, now, { clientIp: options.clientIp ?? null, openId: options.payerOpenId ?? null, buyerId: options.payerBuyerId ?? null });
  const execution = executionFor(target.channel, options.environment, input.payer ?? {});

  const bound = payment.paymentChannelId ? null : await bindCashierAttempt(payment, target.channel, execution, input, now);
  if (bound) return send(bound, execution, target.account);

  const opened = await openAttempt({ appId: payment.appId, companyId: target.company.id, route: { channel: target.channel, execution }, input, now });
  if (opened.kind === 'EXISTING') {
    // Bound a moment ago by another click, and not answered by the channel yet.
    if (!opened.action.channel) throw new AppError('CONFLICT', 'This payment is being sent to the channel; retry in a moment.');
    return { serialNo: opened.payment.serialNo, action: opened.action.channel };
  }
  if (opened.supersedes) await closeSuperseded(opened.supersedes, opened.payment);
  return send(opened.payment, execution, target.account);
}
