import type { IncomingNotification, NotificationCheck } from '@/server/gateway/types';
import { YuanAmountError, yuanToFen } from '@/server/gateway/yuan';
import { FormParamsError as FormError, parseFormParams } from '@/server/gateway/form-params';
import { easypayCredentials } from './easypay-client';
import { verifyEasypaySign } from './md5-sign';

/** epay calls back only for paid orders (TRADE_SUCCESS); anything else is unknown, never success. */
function mapTradeStatus(status: string | undefined) {
  switch (status) {
    case 'TRADE_SUCCESS':
      return 'SUCCEEDED' as const;
    default:
      return 'PENDING' as const;
  }
}

/**
 * The GET callback (PHP query string: the same form decoding as a form body; a POST body is read
 * the same way), checked in its parts: decoding, the MD5 signature with the merchant key in
 * constant time, the merchant (pid), then the trade. The caller compares the amount with its attempt.
 */
export function parseNotification(input: IncomingNotification): NotificationCheck {
  let params: Record<string, string>;
  try {
    params = parseFormParams(input.query !== '' ? input.query : input.body);
  } catch (error) {
    if (error instanceof FormError) return { verified: false, reason: `MALFORMED: ${error.message}`, serialNo: null };
    throw error;
  }
  const serialNo = params.out_trade_no || null;
  const { pid, key } = easypayCredentials(input.account);
  if (params.sign_type !== undefined && params.sign_type.toUpperCase() !== 'MD5') return { verified: false, reason: 'UNSUPPORTED_SIGN_TYPE', serialNo };
  if (!verifyEasypaySign(params, key)) return { verified: false, reason: 'SIGNATURE_INVALID', serialNo };
  if (params.pid !== pid) return { verified: false, reason: 'PID_MISMATCH', serialNo };
  if (!serialNo) return { verified: false, reason: 'MISSING_OUT_TRADE_NO', serialNo };

  let amount: number;
  try {
    amount = yuanToFen(params.money ?? '');
  } catch (error) {
    if (error instanceof YuanAmountError) return { verified: false, reason: 'BAD_AMOUNT', serialNo };
    throw error;
  }
  // epay's callback carries no payment time; the core takes the time it learns of the payment.
  return { verified: true, notification: { kind: 'PAYMENT', serialNo, state: mapTradeStatus(params.trade_status), channelTradeNo: params.trade_no || null, amount, paidAt: null } };
}
