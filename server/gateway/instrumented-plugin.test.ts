import { describe, expect, it } from 'vitest';
import { metrics } from '@/server/observability/metrics';
import { easypayPlugin } from './channels/easypay';
import { ChannelError } from './channel-error';
import { instrumentedPlugin } from './instrumented-plugin';
import type { ChannelAccount, ChannelPlugin } from './types';

async function calls(labels: { channel: string; operation: string; result: 'ok' | 'error' }): Promise<number> {
  const { values } = await metrics().channelCalls.get();
  const sample = values.find((v) => v.labels.channel === labels.channel && v.labels.operation === labels.operation && v.labels.result === labels.result);
  return sample?.value ?? 0;
}

describe('instrumentedPlugin', () => {
  it('counts a failing channel call as an error, times it, and rethrows the same error', async () => {
    const refused = new ChannelError({ channelCode: 'SYSTEM_ERROR', channelMessage: '系统繁忙', retryable: true });
    const failing: ChannelPlugin = { ...easypayPlugin, queryPayment: () => Promise.reject(refused) };
    const labels = { channel: 'EASYPAY', operation: 'queryPayment' };
    const before = { error: await calls({ ...labels, result: 'error' }), ok: await calls({ ...labels, result: 'ok' }) };

    await expect(instrumentedPlugin(failing).queryPayment({ account: {} as ChannelAccount, serialNo: 'pay_1' })).rejects.toBe(refused);

    expect(await calls({ ...labels, result: 'error' })).toBe(before.error + 1);
    expect(await calls({ ...labels, result: 'ok' })).toBe(before.ok);
    const { values } = await metrics().channelDuration.get();
    expect(values.find((v) => v.metricName === 'paycenter_channel_call_duration_seconds_count' && v.labels.operation === 'queryPayment')?.value).toBeGreaterThanOrEqual(1);
  });

  it('leaves callback verification and answers local: not counted as channel calls', () => {
    const plugin = instrumentedPlugin(easypayPlugin);
    expect(plugin.parseNotification).toBe(easypayPlugin.parseNotification);
    expect(plugin.ackNotification).toBe(easypayPlugin.ackNotification);
  });
});
