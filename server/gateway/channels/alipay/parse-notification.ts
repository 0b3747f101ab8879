import type { IncomingNotification, NotificationCheck } from '@/server/gateway/types';
import { alipayCredentials } from './alipay-client';
import { fromBeijingTime } from '@/server/gateway/beijing-time';
import { YuanAmountError, yuanToFen } from '@/server/gateway/yuan';
import { FormParamsError, parseFormParams } from '@/server/gateway/form-params';
import { verifyAlipayNotify } from './notify-signature';
import { mapTradeStatus } from './status-map';

/**
 * Checks an async notification in its parts: form decoding, the signature against whitelisted keys
 * only, the app it is addressed to and the seller, then reads the trade. The amount is the
 * caller's to compare with its attempt.
 */
export function parseNotification(input: IncomingNotification): NotificationCheck {
  let params: Record<string, string>;
  try {
    params = parseFormParams(input.body);
  } catch (error) {
    if (error instanceof FormParamsError) return { verified: false, reason: `MALFORMED: ${error.message}`, serialNo: null };
    throw error;
  }
  const serialNo = params.out_trade_no ?? null;
  const signature = verifyAlipayNotify(params, input.account.trustedKeys.map((entry) => entry.key));
  if (!signature.ok) return { verified: false, reason: signature.reason, serialNo };

  const credentials = alipayCredentials(input.account);
  if (params.app_id !== credentials.appId) return { verified: false, reason: 'APP_ID_MISMATCH', serialNo };
  if (credentials.sellerId && params.seller_id && params.seller_id !== credentials.sellerId) return { verified: false, reason: 'SELLER_MISMATCH', serialNo };
  if (!serialNo) return { verified: false, reason: 'MISSING_OUT_TRADE_NO', serialNo };

  let amount: number | null = null;
  try {
    amount = params.total_amount ? yuanToFen(params.total_amount) : null;
  } catch (error) {
    if (error instanceof YuanAmountError) return { verified: false, reason: 'BAD_AMOUNT', serialNo };
    throw error;
  }
  const state = mapTradeStatus(params.trade_status);
  return {
    verified: true,
    notification: {
      kind: 'PAYMENT',
      serialNo,
      state,
      channelTradeNo: params.trade_no ?? null,
      amount,
      paidAt: state === 'SUCCEEDED' ? fromBeijingTime(params.gmt_payment) : null,
    },
  };
}
