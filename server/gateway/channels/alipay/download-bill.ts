import type { ChannelAccount } from '@/server/gateway/types';
import { callAlipay, requireSuccess } from './alipay-client';

/** The day's trade bill: a short-lived URL of a zip of GBK CSV files. `date` is yyyy-MM-dd. */
export async function downloadBill(input: { account: ChannelAccount; date: string }): Promise<{ url: string }> {
  const result = requireSuccess(await callAlipay(input.account, 'alipay.data.dataservice.bill.downloadurl.query', { bill_type: 'trade', bill_date: input.date }));
  return { url: String(result.bill_download_url) };
}
