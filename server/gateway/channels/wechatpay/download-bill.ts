import { pipeline } from 'node:stream';
import { beijingDay } from '@/server/gateway/beijing-time';
import { billNotReady } from '@/server/gateway/channel-error';
import type { ChannelAccount, DownloadBillInput, DownloadedBill } from '@/server/gateway/types';
import { GunzippedSha1Check } from './bill-hash';
import { invalidResponse } from './error-map';
import { callWechatPay, requireSuccess, verifiedErrorCode, wechatPayClient } from './wechatpay-client';

const BILL_FILE_PATH = '/v3/billdownload/file';

interface BillAnswer {
  hash_type?: unknown;
  hash_value?: unknown;
  download_url?: unknown;
}

/** The trade bill of every trade (ALL) or the basic account's fund flow, both gzipped. */
function applyForBill(input: DownloadBillInput) {
  return callWechatPay(input.account, (client) =>
    input.billType === 'TRADE'
      ? client.tradebill({ bill_date: input.date, bill_type: 'ALL', tar_type: 'GZIP' })
      : client.fundflowbill({ bill_date: input.date, account_type: 'BASIC', tar_type: 'GZIP' }),
  );
}

/** The API path of a download_url, signed as WeChat's API sees it (the simulator serves it under its prefix). */
function billFilePath(account: ChannelAccount, downloadUrl: string): string {
  const url = new URL(downloadUrl);
  const path = account.mode === 'SANDBOX' ? url.pathname.replace(/^\/sandbox\/wechatpay(?=\/v3\/)/, '') : url.pathname;
  if (path !== BILL_FILE_PATH) throw invalidResponse('WECHATPAY_BAD_ANSWER', `download_url is not a WeChat Pay bill file: ${downloadUrl}`);
  return `${path}${url.search}`;
}

/**
 * A day's bill through WeChat Pay v3: GET /v3/bill/tradebill or /v3/bill/fundflowbill (tar_type=GZIP)
 * answers {hash_type, hash_value, download_url}; the file is downloaded with a signed request (its
 * answer is not signed) and handed on as served, its SHA1 checked as it streams (bill-hash.ts).
 * As WeChat documents: NO_STATEMENT_EXIST = no trade or fund movement that day (an empty bill);
 * STATEMENT_CREATING = not generated yet (tradebill from ~08:00, fundflowbill ~10:00 the next day).
 */
export async function downloadBill(input: DownloadBillInput): Promise<DownloadedBill> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw invalidResponse('PARAM_ERROR', `${input.date} is not a date (yyyy-MM-dd)`);
  // WeChat answers a day not over yet as it answers a day without trades: only a finished day's NO_STATEMENT_EXIST means empty.
  if (input.date >= beijingDay(input.now ?? new Date())) throw billNotReady(`The Beijing day ${input.date} is not over yet`);
  const answer = await applyForBill(input);
  const code = verifiedErrorCode(answer);
  if (code === 'NO_STATEMENT_EXIST') return { kind: 'EMPTY', raw: answer.data };
  if (code === 'STATEMENT_CREATING') throw billNotReady(`WeChat Pay is still generating the ${input.billType} bill of ${input.date} (STATEMENT_CREATING)`, answer.data);
  const data = requireSuccess<BillAnswer>(answer);
  const { hash_type: hashType, hash_value: hashValue, download_url: downloadUrl } = data;
  if (hashType !== 'SHA1' || typeof hashValue !== 'string' || !/^[0-9a-fA-F]{40}$/.test(hashValue) || typeof downloadUrl !== 'string') {
    throw invalidResponse('WECHATPAY_BAD_ANSWER', 'WeChat Pay answered without a SHA1 hash_value and a download_url', data);
  }
  const file = await wechatPayClient(input.account).billFile(billFilePath(input.account, downloadUrl));
  // pipeline: a network failure mid-file reaches the consumer as the check's error.
  const content = pipeline(file.content, new GunzippedSha1Check(hashValue), () => {});
  return { kind: 'FILE', file: { ...file, content, declaredHash: { algorithm: 'SHA1', value: hashValue.toLowerCase() } } };
}
