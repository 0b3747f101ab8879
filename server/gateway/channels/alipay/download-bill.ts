import { pipeline } from 'node:stream';
import { billNotReady } from '@/server/gateway/channel-error';
import { fetchBillFile } from '@/server/gateway/bill-file';
import type { DownloadBillInput, DownloadedBill } from '@/server/gateway/types';
import { callAlipay, requireSuccess } from './alipay-client';
import { invalidAnswer } from './error-map';
import { ZipEndCheck } from './zip-end-check';

/**
 * Alipay's answer for a day whose bill is not generated yet (before ~09:00 the next day, Beijing time,
 * or today). A day without trades still has a bill: its files list no rows.
 */
const BILL_NOT_EXIST = 'isp.bill_not_exist';

/**
 * The day's trade bill (`bill_type=trade`): alipay.data.dataservice.bill.downloadurl.query answers a
 * link valid for 30 seconds, which serves a ZIP of GBK CSV files (业务明细 and 业务明细(汇总)), kept as served;
 * without a declared hash, only a ZIP cut short can be told (zip-end-check.ts).
 */
export async function downloadBill(input: DownloadBillInput): Promise<DownloadedBill> {
  const result = await callAlipay(input.account, 'alipay.data.dataservice.bill.downloadurl.query', { bill_type: 'trade', bill_date: input.date });
  if (result.sub_code === BILL_NOT_EXIST) throw billNotReady(`Alipay has no trade bill for ${input.date} yet (${BILL_NOT_EXIST}: ${result.sub_msg ?? ''})`, result);
  const url = requireSuccess(result).bill_download_url;
  // From a signed answer; Alipay's documented links are plain http (dwbillcenter.alipay.com), so both schemes pass.
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw invalidAnswer('Alipay answered without a bill_download_url', result);
  const file = await fetchBillFile({ url, packing: 'ZIP' });
  // pipeline: a network failure mid-file reaches the consumer as the check's error.
  return { kind: 'FILE', file: { ...file, content: pipeline(file.content, new ZipEndCheck(), () => {}), declaredHash: null } };
}
