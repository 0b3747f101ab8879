import { recordChannelCall } from '@/server/observability/channel-call-minutes';
import { metrics, secondsSince } from '@/server/observability/metrics';
import type { ChannelAccount, ChannelPlugin, SplitCapability } from './types';

type SplitReturns = Extract<SplitCapability, { kind: 'SUPPORTED' }>['returns'];

/**
 * The plugin with every call that goes to the channel counted and timed by operation (the method's
 * name): in this instance's Prometheus metrics, and per payment ID in the database's per-minute
 * statistics the CHANNEL_FAILING rule reads across instances (written within a second, off the
 * call's path). Verifying a callback and answering it stay local and are not calls.
 */
export function instrumentedPlugin(plugin: ChannelPlugin): ChannelPlugin {
  async function call<T>(operation: string, account: ChannelAccount, request: () => Promise<T>): Promise<T> {
    const labels = { channel: plugin.channel, operation };
    const started = performance.now();
    let failed = true;
    try {
      const result = await request();
      failed = false;
      return result;
    } finally {
      const seconds = secondsSince(started);
      metrics().channelCalls.inc({ ...labels, result: failed ? 'error' : 'ok' });
      metrics().channelDuration.observe(labels, seconds);
      recordChannelCall({ paymentChannelId: account.paymentId, operation, failed, latencyMs: seconds * 1000, at: new Date() });
    }
  }
  function instrumentedReturns(returns: SplitReturns): SplitReturns {
    if (returns.kind !== 'SEPARATE') return returns;
    return {
      kind: 'SEPARATE',
      returnSplit: (input) => call('returnSplit', input.account, () => returns.returnSplit(input)),
      queryReturn: (input) => call('queryReturn', input.account, () => returns.queryReturn(input)),
    };
  }
  const { bills, splits } = plugin;
  return {
    ...plugin,
    createPayment: (input) => call('createPayment', input.account, () => plugin.createPayment(input)),
    queryPayment: (input) => call('queryPayment', input.account, () => plugin.queryPayment(input)),
    closePayment: (input) => call('closePayment', input.account, () => plugin.closePayment(input)),
    refund: (input) => call('refund', input.account, () => plugin.refund(input)),
    queryRefund: (input) => call('queryRefund', input.account, () => plugin.queryRefund(input)),
    bills: bills.kind === 'DOWNLOAD' ? { ...bills, downloadBill: (input) => call('downloadBill', input.account, () => bills.downloadBill(input)) } : bills,
    splits:
      splits.kind === 'SUPPORTED'
        ? {
            ...splits,
            bindReceiver: (input) => call('bindReceiver', input.account, () => splits.bindReceiver(input)),
            unbindReceiver: (input) => call('unbindReceiver', input.account, () => splits.unbindReceiver(input)),
            split: (input) => call('split', input.account, () => splits.split(input)),
            querySplit: (input) => call('querySplit', input.account, () => splits.querySplit(input)),
            finishSplit: (input) => call('finishSplit', input.account, () => splits.finishSplit(input)),
            returns: instrumentedReturns(splits.returns),
          }
        : splits,
  };
}
