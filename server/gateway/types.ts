import type { KeyObject } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Channel, ChannelMode, SplitAccountType } from '@/server/db/generated/client';
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
  /** Ask the channel to hold the funds for splitting (WeChat Pay settle_info.profit_sharing, Alipay extend_params.royalty_freeze). */
  profitSharing?: boolean;
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
  /** Money taken back from split receivers inside this refund (Alipay refund_royalty_parameters); only for `returns.kind === 'WITH_REFUND'`. */
  splitReturns?: Array<SplitAccount & { amount: number }>;
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

/**
 * One receiver's share of a split settled at the channel (WeChat Pay PROFITSHARING.*): the channel
 * pushes one per receiver line, naming the split by our split serial number (out_order_no).
 */
export interface SplitNotification {
  kind: 'SPLIT';
  splitSerialNo: string;
  channelTradeNo: string | null;
  channelSplitNo: string | null;
  line: SplitAccount & { amount: number | null; state: ChannelSplitLineState; channelDetailId: string | null };
}

export type VerifiedNotification = PaymentNotification | RefundNotification | SplitNotification;

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
  /** Whether the channel publishes daily bills, and how to download them. */
  readonly bills: BillCapability;
  /** Whether the channel splits payments between receivers (profit sharing), and how. */
  readonly splits: SplitCapability;
}

/** The bills a channel publishes per day: its trades (payments and refunds) and its account's fund flow. */
export type ChannelBillType = 'TRADE' | 'FUND_FLOW';

/**
 * A channel either publishes daily bill files, or has none and is reconciled by querying each of the
 * day's orders (EasyPay: epay has no bill of any kind).
 */
export type BillCapability =
  | {
      kind: 'DOWNLOAD';
      billTypes: readonly ChannelBillType[];
      /** The Beijing hour of the next day from which the channel publishes a day's bills (asking earlier gives BILL_NOT_READY). */
      publishedFromHour: number;
      downloadBill(input: DownloadBillInput): Promise<DownloadedBill>;
    }
  | { kind: 'NONE'; reconcileBy: 'QUERY_EACH_ORDER' };

export interface DownloadBillInput {
  account: ChannelAccount;
  /** The Beijing calendar day, yyyy-MM-dd. */
  date: string;
  billType: ChannelBillType;
  /** The clock that decides whether the day is over (tests inject it). */
  now?: Date;
}

/**
 * A day's bill. EMPTY: the channel has no file because nothing happened that day (WeChat Pay
 * NO_STATEMENT_EXIST); a bill not published yet is a retryable ChannelError BILL_NOT_READY instead.
 */
export type DownloadedBill = { kind: 'FILE'; file: ChannelBillFile } | { kind: 'EMPTY'; raw: unknown };

/** One bill file exactly as the channel served it, with what the channel declared about it. */
export interface ChannelBillFile {
  /**
   * The bytes as downloaded, never decoded or re-encoded. Where the channel declares a hash the stream
   * fails at its end (ChannelError BILL_HASH_MISMATCH / BILL_CORRUPT) unless the file matches it, so a
   * consumer must not keep anything before the stream has ended without error.
   */
  content: Readable;
  /** How the file is packed: a ZIP of CSV files (Alipay), gzip (WeChat Pay tar_type=GZIP). */
  packing: 'ZIP' | 'GZIP';
  fileName: string | null;
  contentType: string | null;
  /** The digest the channel declared (WeChat Pay: SHA1 of the unpacked bill), verified by `content`. */
  declaredHash: { algorithm: 'SHA1'; value: string } | null;
}

/** How the channel names a split receiver's account. */
export interface SplitAccount {
  accountType: SplitAccountType;
  account: string;
}

export interface BindReceiverInput {
  account: ChannelAccount;
  /** `name` in clear (never logged): the plugin encrypts it as the channel requires. */
  receiver: SplitAccount & { name: string | null; relationType: string; customRelation: string | null };
}

export interface SplitInput {
  account: ChannelAccount;
  serialNo: string;
  channelTradeNo: string;
  /** The channel's order number of this split (WeChat Pay out_order_no): asking again never splits twice. */
  splitSerialNo: string;
  lines: Array<SplitAccount & { amount: number; description: string }>;
  /** Release what is left to the merchant after this split; no split can follow. */
  finish: boolean;
}

export type ChannelSplitLineState = 'PROCESSING' | 'SUCCEEDED' | 'FAILED';

/** The channel's view of one split; NOT_FOUND only from a query (the channel never received it). */
export interface SplitState {
  state: 'PROCESSING' | 'FINISHED' | 'NOT_FOUND';
  channelSplitNo: string | null;
  lines: Array<SplitAccount & { amount: number; state: ChannelSplitLineState; failReason: string | null; channelDetailId: string | null }>;
  raw: unknown;
}

export interface FinishSplitInput {
  account: ChannelAccount;
  serialNo: string;
  channelTradeNo: string;
  /** The channel's order number of the release (WeChat Pay unfreeze out_order_no). */
  finishOrderNo: string;
}

export interface SplitReturnInput {
  account: ChannelAccount;
  channelTradeNo: string;
  /** The split whose money comes back (WeChat Pay out_order_no) and the channel's id of it (order_id). */
  splitSerialNo: string;
  channelSplitNo: string | null;
  /** Our number of this return (WeChat Pay out_return_no): asking again never returns twice. */
  returnSerialNo: string;
  receiver: SplitAccount;
  amount: number;
  description: string;
}

/** The channel's view of one return; NOT_FOUND only from a query (the channel never received it). */
export interface SplitReturnState {
  state: 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'NOT_FOUND';
  channelReturnNo: string | null;
  failReason: string | null;
  raw: unknown;
}

/**
 * A channel either splits payments (binding receivers first, as WeChat Pay and Alipay require) or
 * has no splitting at all (EasyPay).
 */
export type SplitCapability =
  | {
      kind: 'SUPPORTED';
      /** The kinds of receiver account the channel splits to; a receiver of another kind is refused before binding. */
      accountTypes: readonly SplitAccountType[];
      bindReceiver(input: BindReceiverInput): Promise<{ raw: unknown }>;
      unbindReceiver(input: { account: ChannelAccount; receiver: SplitAccount }): Promise<{ raw: unknown }>;
      split(input: SplitInput): Promise<SplitState>;
      querySplit(input: { account: ChannelAccount; channelTradeNo: string; splitSerialNo: string }): Promise<SplitState>;
      finishSplit(input: FinishSplitInput): Promise<{ state: 'PROCESSING' | 'FINISHED'; raw: unknown }>;
      /** How money comes back from receivers before a refund: its own call (WeChat Pay return orders) or inside the refund (Alipay refund_royalty_parameters). */
      returns:
        | { kind: 'SEPARATE'; returnSplit(input: SplitReturnInput): Promise<SplitReturnState>; queryReturn(input: { account: ChannelAccount; splitSerialNo: string; returnSerialNo: string }): Promise<SplitReturnState> }
        | { kind: 'WITH_REFUND' };
    }
  | { kind: 'NONE' };
