import { env } from '@/server/config/env';
import type { Channel } from '@/server/db/generated/client';

/** Where a channel sends its callbacks for one payment ID (architecture.md: app/api/channels/<channel>/notify/[paymentId]). */
export function channelNotifyUrl(channel: Channel, paymentId: string): string {
  return `${env().PAYCENTER_BASE_URL}/api/channels/${channel.toLowerCase()}/notify/${encodeURIComponent(paymentId)}`;
}

/** The hosted checkout of one attempt. */
export function checkoutUrl(serialNo: string): string {
  return `${env().PAYCENTER_BASE_URL}/checkout/${serialNo}`;
}
