// The port through which sandbox channels are provisioned. The simulators (server/sandbox/) implement
// it and are wired in by the doors when sandbox mode is on (PAYCENTER_SANDBOX); production code never
// imports them, and without a provisioner a SANDBOX channel cannot be activated.
import type { Tx } from '@/server/db/client';
import type { Channel, SplitAccountType } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import type { AlipayCredentials } from '@/server/gateway/channels/alipay/credentials';
import type { WechatPayCredentials } from '@/server/gateway/channels/wechatpay/credentials';
import type { ChannelCredentials } from '@/server/gateway/credentials/types';

export interface SandboxProvisioner {
  /**
   * Fresh credentials for a sandbox channel, signed for by the simulator; `wechatVerifyMode` only
   * matters for WeChat Pay, `alipaySignMode` only for Alipay (in CERT mode the simulator issues the certificates).
   */
  credentials(options: { channel: Channel; wechatVerifyMode: WechatPayCredentials['verifyMode']; alipaySignMode: AlipayCredentials['signMode'] }): Promise<ChannelCredentials>;
  /** Makes the new payment channel known to its simulator, in the activation's transaction. */
  register(tx: Tx, paymentChannelId: string, credentials: ChannelCredentials): Promise<void>;
  /**
   * Binds a split receiver at the simulator directly, in the registration's transaction: for the demo
   * seed, which runs before any server listens for the plugin's call.
   */
  bindSplitReceiver(tx: Tx, paymentChannelId: string, receiver: SplitReceiverBinding): Promise<void>;
}

export interface SplitReceiverBinding {
  accountType: SplitAccountType;
  account: string;
  name: string | null;
  relationType: string;
  customRelation: string | null;
}

let provisioner: SandboxProvisioner | null = null;

/** Called by the doors' wiring (and tests); null takes sandbox activation away again. */
export function provideSandboxProvisioner(next: SandboxProvisioner | null): void {
  provisioner = next;
}

/** The registered provisioner, or the 400 that names `mode` when this server has sandbox mode off. */
export function sandboxProvisioner(): SandboxProvisioner {
  if (!provisioner) throw AppError.invalidFields({ mode: 'sandbox mode is off on this server (PAYCENTER_SANDBOX)' });
  return provisioner;
}
