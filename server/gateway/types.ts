import type { KeyObject } from 'node:crypto';
import type { Channel, ChannelMode } from '@/server/db/generated/client';
import type { ChannelAction } from '@/server/contract/action';
import type { ChannelCredentials } from './credentials/types';
import type { Execution } from './request-parser';

/** A payment channel as the gateway needs it: credentials in clear (never logged) and trusted keys. */
export interface ChannelAccount {
  paymentId: string;
  channel: Channel;
  mode: ChannelMode;
  credentials: ChannelCredentials;
  /** Whitelisted channel keys (from certificates or public keys), never keys taken from a request. */
  trustedKeys: Array<{ serial: string; key: KeyObject; certificatePem: string | null }>;
  /** The channel's API base: the real one for LIVE, the built-in simulator for SANDBOX. */
  endpoint: string;
}

export interface CreatePaymentInput {
  account: ChannelAccount;
  execution: Execution;
  serialNo: string;
  /** Fen. */
  amount: number;
  subject: string;
  expiresAt: Date;
  notifyUrl: string;
  returnUrl?: string | null;
  payer?: { openId?: string | null; buyerId?: string | null; clientIp?: string | null };
}

export interface CreatePaymentResult {
  action: ChannelAction;
  channelTradeNo: string | null;
  raw: unknown;
}

/**
 * The channel's view of a payment, mapped by each plugin's exhaustive switch (unknown → PENDING).
 * FAILED: the channel says the payer's payment failed (WeChat Pay's PAYERROR); a later success still counts.
 */
export type ChannelPaymentState = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CLOSED' | 'NOT_FOUND';

export interface PaymentState {
  state: ChannelPaymentState;
  channelTradeNo: string | null;
  /** Fen, as the channel reports it. */
  amount: number | null;
  paidAt: Date | null;
  raw: unknown;
}

export interface RefundInput {
  account: ChannelAccount;
  serialNo: string;
  channelTradeNo: string | null;
  refundSerialNo: string;
  /** Fen. */
  amount: number;
  totalAmount: number;
  reason?: string | null;
  /** Where the channel sends its refund result, for channels that push one (WeChat Pay). */
  notifyUrl?: string | null;
}

export type ChannelRefundState = 'PROCESSING' | 'SUCCEEDED' | 'FAILED';

export interface RefundState {
  state: ChannelRefundState;
  channelRefundNo: string | null;
  raw: unknown;
}

export interface PaymentNotification {
  kind: 'PAYMENT';
  serialNo: string;
  state: ChannelPaymentState;
  channelTradeNo: string | null;
  amount: number | null;
  paidAt: Date | null;
}

/** A channel's refund result (WeChat Pay REFUND.*); channels that have none only send payments. */
export interface RefundNotification {
  kind: 'REFUND';
  serialNo: string;
  refundSerialNo: string;
  state: ChannelRefundState;
  channelRefundNo: string | null;
  /** Fen refunded, as the channel reports it. */
  amount: number | null;
}

export type VerifiedNotification = PaymentNotification | RefundNotification;

export type NotificationCheck =
  | { verified: true; notification: VerifiedNotification }
  | { verified: false; reason: string; serialNo: string | null };

export interface IncomingNotification {
  account: ChannelAccount;
  /** The clock freshness checks use (WeChat Pay's Wechatpay-Timestamp); tests replaying vectors inject it. */
  now?: Date;
  method: string;
  headers: Record<string, string>;
  query: string;
  body: string;
}

export interface ChannelPlugin {
  readonly channel: Channel;
  createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult>;
  queryPayment(input: { account: ChannelAccount; serialNo: string }): Promise<PaymentState>;
  closePayment(input: { account: ChannelAccount; serialNo: string }): Promise<{ raw: unknown }>;
  refund(input: RefundInput): Promise<RefundState>;
  queryRefund(input: { account: ChannelAccount; serialNo: string; refundSerialNo: string }): Promise<RefundState>;
  /** Verifies signature, app/merchant identity; the caller checks the amount against its attempt. */
  parseNotification(input: IncomingNotification): NotificationCheck;
  /** The HTTP answer the channel expects, so it stops (ok) or retries (not ok). */
  ackNotification(ok: boolean): { status: number; body: string; contentType: string };
  /** A URL or content of the channel's bill for one day, or null where the channel has none. */
  downloadBill(input: { account: ChannelAccount; date: string }): Promise<{ url: string } | null>;
}
