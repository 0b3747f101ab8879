import type { ChannelSplitLineState, IncomingNotification, NotificationCheck, VerifiedNotification } from '@/server/gateway/types';
import { reportedFen } from './amounts';
import { AeadError, decryptResource, type EncryptedResource } from './aead';
import { mapRefundStatus, mapTradeState } from './status-map';
import { verifyWechatPaySignature } from './signature';
import { wechatPayCredentials } from './wechatpay-client';
import { fromWechatTime } from './wechatpay-time';

/** WeChat's own bound: a callback signed more than 5 minutes from our clock is stale (or replayed). */
export const MAX_CLOCK_SKEW_SECONDS = 300;

interface CallbackBody {
  event_type?: unknown;
  resource?: EncryptedResource;
}

interface Resource {
  mchid?: unknown;
  appid?: unknown;
  out_trade_no?: unknown;
  transaction_id?: unknown;
  trade_state?: unknown;
  success_time?: unknown;
  out_refund_no?: unknown;
  refund_id?: unknown;
  refund_status?: unknown;
  amount?: { total?: unknown; refund?: unknown };
  order_id?: unknown;
  out_order_no?: unknown;
  receiver?: { type?: unknown; account?: unknown; amount?: unknown };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function readJson<T>(source: string): T | null {
  try {
    const value: unknown = JSON.parse(source);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : null;
  } catch {
    return null;
  }
}

/** PROFITSHARING.SUCCESS: the receiver got its share; PROFITSHARING.CLOSED: its share was not split. */
const SPLIT_LINE_STATES = new Map<string, ChannelSplitLineState>([
  ['PROFITSHARING.SUCCESS', 'SUCCEEDED'],
  ['PROFITSHARING.CLOSED', 'FAILED'],
]);

/** A profit-sharing notification names one receiver of one split (out_order_no, our split serial), no payment. */
function mapSplitResource(state: ChannelSplitLineState, resource: Resource): VerifiedNotification | string {
  const splitSerialNo = text(resource.out_order_no);
  if (!splitSerialNo) return 'MISSING_OUT_ORDER_NO';
  const accountType = resource.receiver?.type;
  const account = text(resource.receiver?.account);
  if ((accountType !== 'MERCHANT_ID' && accountType !== 'PERSONAL_OPENID') || !account) return 'MISSING_RECEIVER';
  return {
    kind: 'SPLIT',
    splitSerialNo,
    channelTradeNo: text(resource.transaction_id),
    channelSplitNo: text(resource.order_id),
    line: { accountType, account, amount: reportedFen(resource.receiver?.amount), state, channelDetailId: null },
  };
}

function mapResource(eventType: string, resource: Resource): VerifiedNotification | string {
  const splitLineState = SPLIT_LINE_STATES.get(eventType);
  if (splitLineState) return mapSplitResource(splitLineState, resource);
  const serialNo = text(resource.out_trade_no);
  if (!serialNo) return 'MISSING_OUT_TRADE_NO';
  if (eventType === 'TRANSACTION.SUCCESS') {
    const state = mapTradeState(resource.trade_state);
    return {
      kind: 'PAYMENT',
      serialNo,
      state,
      channelTradeNo: text(resource.transaction_id),
      amount: reportedFen(resource.amount?.total),
      paidAt: state === 'SUCCEEDED' ? fromWechatTime(resource.success_time) : null,
    };
  }
  const refundSerialNo = text(resource.out_refund_no);
  if (!refundSerialNo) return 'MISSING_OUT_REFUND_NO';
  return {
    kind: 'REFUND',
    serialNo,
    refundSerialNo,
    state: mapRefundStatus(resource.refund_status),
    channelRefundNo: text(resource.refund_id),
    amount: reportedFen(resource.amount?.refund),
  };
}

const EVENTS = new Set(['TRANSACTION.SUCCESS', 'REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED', ...SPLIT_LINE_STATES.keys()]);

/**
 * Checks a WeChat Pay callback in order: the signature against the whitelisted key of its
 * Wechatpay-Serial (before anything in the body is believed), the timestamp's freshness, the
 * resource's decryption with the APIv3 key, the merchant (and app) it is addressed to, then reads it.
 * Never throws: whatever fails is a reason. The caller compares the amount with its attempt.
 */
export function parseNotification(input: IncomingNotification): NotificationCheck {
  const signature = verifyWechatPaySignature({ headers: input.headers, body: input.body, trustedKeys: input.account.trustedKeys });
  if (!signature.ok) return { verified: false, reason: signature.reason, serialNo: null };
  const now = (input.now ?? new Date()).getTime() / 1000;
  if (Math.abs(now - signature.timestamp) > MAX_CLOCK_SKEW_SECONDS) return { verified: false, reason: 'STALE_TIMESTAMP', serialNo: null };

  const body = readJson<CallbackBody>(input.body);
  if (!body?.resource || typeof body.resource !== 'object') return { verified: false, reason: 'MALFORMED_BODY', serialNo: null };
  const credentials = wechatPayCredentials(input.account);
  let resource: Resource | null;
  try {
    resource = readJson<Resource>(decryptResource(body.resource, credentials.apiV3Key));
  } catch (error) {
    if (error instanceof AeadError) return { verified: false, reason: `UNDECRYPTABLE: ${error.message}`, serialNo: null };
    return { verified: false, reason: 'UNDECRYPTABLE', serialNo: null };
  }
  if (!resource) return { verified: false, reason: 'MALFORMED_RESOURCE', serialNo: null };
  const serialNo = text(resource.out_trade_no);
  if (resource.mchid !== credentials.mchId) return { verified: false, reason: 'MCHID_MISMATCH', serialNo };
  if (resource.appid !== undefined && resource.appid !== credentials.appId) return { verified: false, reason: 'APPID_MISMATCH', serialNo };

  const eventType = typeof body.event_type === 'string' ? body.event_type : '';
  if (!EVENTS.has(eventType)) return { verified: false, reason: `UNSUPPORTED_EVENT: ${eventType.slice(0, 64)}`, serialNo };
  const notification = mapResource(eventType, resource);
  return typeof notification === 'string' ? { verified: false, reason: notification, serialNo } : { verified: true, notification };
}
