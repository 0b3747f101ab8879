import type { Channel } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { alipayPlugin } from './channels/alipay';
import { easypayPlugin } from './channels/easypay';
import { wechatpayPlugin } from './channels/wechatpay';
import { instrumentedPlugin } from './instrumented-plugin';
import type { ChannelPlugin } from './types';

// Instrumented here, where every service gets its plugin, so no channel call goes uncounted.
const PLUGINS: Partial<Record<Channel, ChannelPlugin>> = {
  ALIPAY: instrumentedPlugin(alipayPlugin),
  WECHATPAY: instrumentedPlugin(wechatpayPlugin),
  EASYPAY: instrumentedPlugin(easypayPlugin),
};

/** The plugin of a channel; channels whose plugin is not built yet are refused clearly. */
export function pluginFor(channel: Channel): ChannelPlugin {
  const plugin = PLUGINS[channel];
  if (!plugin) throw new AppError('METHOD_NOT_SUPPORTED', `Payments through ${channel} are not available yet.`, { channel });
  return plugin;
}

/** Whether payments through a channel can be made at all (the hosted checkout offers only those). */
export function hasPlugin(channel: Channel): boolean {
  return PLUGINS[channel] !== undefined;
}
