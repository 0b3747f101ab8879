import type { ChannelAccount } from '@/server/gateway/types';
import { invalidResponse } from './error-map';
import { callWechatPay, requireSuccess } from './wechatpay-client';

/** The day's trade bill (ALL trades): WeChat answers a short-lived download_url of a text bill. `date` is yyyy-MM-dd. */
export async function downloadBill(input: { account: ChannelAccount; date: string }): Promise<{ url: string }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw invalidResponse('PARAM_ERROR', `${input.date} is not a date (yyyy-MM-dd)`);
  const data = requireSuccess<{ download_url?: unknown }>(await callWechatPay(input.account, (client) => client.tradebill({ bill_date: input.date, bill_type: 'ALL' })));
  if (typeof data.download_url !== 'string') throw invalidResponse('WECHATPAY_BAD_ANSWER', 'WeChat Pay answered without download_url', data);
  return { url: data.download_url };
}
