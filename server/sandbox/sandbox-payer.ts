import type { ChannelAction } from '@/server/contract/action';

export interface SandboxPayOptions {
  /** The simulator's account: Alipay app_id, WeChat Pay mchid, EasyPay pid. */
  accountId: string;
  serialNo: string;
  /** What the center answered the app for this attempt (null if it was never sent). */
  action: ChannelAction | null;
  /** The simulator's API base (`…/sandbox/<channel>`). */
  gatewayBase: string;
}

/**
 * The simulated user of one channel's simulator: opens what the center answered (follows the
 * redirect, scans the QR code, opens the SDK parameters), then pays or gives up; the simulator then
 * sends the center its real signed notification.
 */
export interface SandboxPayer {
  pay(options: SandboxPayOptions): Promise<void>;
  fail(options: SandboxPayOptions): Promise<void>;
  /**
   * How the merchant learns of a failed payment: the channel's notification, its active query, or
   * never (EasyPay), where only the payer's own word is left and the helper passes it on.
   */
  readonly failureReported: 'NOTIFICATION' | 'QUERY' | 'NEVER';
}
