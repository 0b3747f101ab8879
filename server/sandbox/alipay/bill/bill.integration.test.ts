// The trade bill through the real SDK: a link to a zip of GBK CSV files in Alipay's layout.
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { beijingDay } from '@/server/gateway/beijing-time';
import { payAlipayTrade } from '../pay-trade';
import { startAlipaySandbox, type AlipaySandboxHarness } from '../testing/alipay-sandbox-harness';

let sandbox: AlipaySandboxHarness;
beforeAll(async () => {
  sandbox = await startAlipaySandbox();
});
afterAll(async () => sandbox.server.close());

/** Name and content of each entry, read from the local headers. */
function unzip(archive: Buffer): Array<{ name: string; text: string }> {
  const gbk = new TextDecoder('gbk');
  const entries: Array<{ name: string; text: string }> = [];
  let at = 0;
  while (archive.readUInt32LE(at) === 0x04034b50) {
    const size = archive.readUInt32LE(at + 18);
    const nameLength = archive.readUInt16LE(at + 26);
    const dataStart = at + 30 + nameLength + archive.readUInt16LE(at + 28);
    entries.push({ name: gbk.decode(archive.subarray(at + 30, at + 30 + nameLength)), text: gbk.decode(inflateRawSync(archive.subarray(dataStart, dataStart + size))) });
    at = dataStart + size;
  }
  return entries;
}

it('links yesterday\'s trade bill: a zip of GBK CSV files listing the payment', async () => {
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const outTradeNo = `B${Date.now()}`;
  await sandbox.sdk.exec('alipay.trade.precreate', { bizContent: { outTradeNo, totalAmount: '12.34', subject: '物业费，十一月' } });
  const { trade } = await payAlipayTrade({ appId: sandbox.appId, outTradeNo }, yesterday);

  const today = await sandbox.sdk.exec('alipay.data.dataservice.bill.downloadurl.query', { bizContent: { billType: 'trade', billDate: beijingDay(new Date()) } }, { validateSign: true });
  expect(today).toMatchObject({ code: '40004', subCode: 'isp.bill_not_exist' });

  const result = await sandbox.sdk.exec('alipay.data.dataservice.bill.downloadurl.query', { bizContent: { billType: 'trade', billDate: beijingDay(yesterday) } }, { validateSign: true });
  expect(result.code).toBe('10000');
  const link = new URL(result.billDownloadUrl as string);
  const response = await fetch(`${sandbox.server.baseUrl}${link.pathname}${link.search}`);
  expect(response.status).toBe(200);
  const [detail, summary] = unzip(Buffer.from(await response.arrayBuffer()));
  expect(detail?.name).toMatch(/^2088\d{12}_\d{8}_业务明细\.csv$/);
  expect(detail?.text).toContain('#支付宝业务明细查询');
  expect(detail?.text).toContain(`${trade.tradeNo}\t,${outTradeNo}\t,交易\t,物业费，十一月\t`);
  expect(detail?.text).toContain('#交易合计：1笔，退款合计：0笔');
  expect(summary?.name).toMatch(/_业务明细\(汇总\)\.csv$/);
  expect(summary?.text).toContain('合计\t,\t,1\t,0\t,12.34\t');

  link.searchParams.set('bill_date', beijingDay(new Date(Date.now() - 2 * 24 * 60 * 60 * 1000)));
  expect((await fetch(`${sandbox.server.baseUrl}${link.pathname}${link.search}`)).status).toBe(403);
});
