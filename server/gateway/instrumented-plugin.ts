import { metrics, secondsSince } from '@/server/observability/metrics';
import type { ChannelPlugin } from './types';

/**
 * The plugin with every call that goes to the channel counted and timed by operation (the method's
 * name). Verifying a callback and answering it stay local and are not calls.
 */
export function instrumentedPlugin(plugin: ChannelPlugin): ChannelPlugin {
  async function call<T>(operation: string, request: () => Promise<T>): Promise<T> {
    const labels = { channel: plugin.channel, operation };
    const started = performance.now();
    try {
      const result = await request();
      metrics().channelCalls.inc({ ...labels, result: 'ok' });
      return result;
    } catch (error) {
      metrics().channelCalls.inc({ ...labels, result: 'error' });
      throw error;
    } finally {
      metrics().channelDuration.observe(labels, secondsSince(started));
    }
  }
  const { bills, splits } = plugin;
  return {
    ...plugin,
    createPayment: (input) => call('createPayment', () => plugin.createPayment(input)),
    queryPayment: (input) => call('queryPayment', () => plugin.queryPayment(input)),
    closePayment: (input) => call('closePayment', () => plugin.closePayment(input)),
    refund: (input) => call('refund', () => plugin.refund(input)),
    queryRefund: (input) => call('queryRefund', () => plugin.queryRefund(input)),
    bills: bills.kind === 'DOWNLOAD' ? { ...bills, downloadBill: (input) => call('downloadBill', () => bills.downloadBill(input)) } : bills,
    splits:
      splits.kind === 'SUPPORTED'
        ? {
            kind: 'SUPPORTED',
            bindReceiver: (input) => call('bindReceiver', () => splits.bindReceiver(input)),
            unbindReceiver: (input) => call('unbindReceiver', () => splits.unbindReceiver(input)),
            split: (input) => call('split', () => splits.split(input)),
            querySplit: (input) => call('querySplit', () => splits.querySplit(input)),
            finishSplit: (input) => call('finishSplit', () => splits.finishSplit(input)),
          }
        : splits,
  };
}
