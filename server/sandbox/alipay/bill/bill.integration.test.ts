// The trade bill through the real SDK: a link to a zip of GBK CSV files in Alipay's layout, which the
// bill parser reads as a consistent Alipay trade bill, with its settles' 分账 lines, which reconciliation
// counts neither as payments nor as refunds.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBillFile } from '@/server/finance/bills/bill-file';
import { openBill, summarizeBill } from '@/server/finance/bills/parse-bill';
import { db } from '@/server/db/client';
import { inSqlTransaction } from '@/server/db/sql-session';
import { createBillLineTable, stageBillLines } from '@/server/finance/reconciliation/stage-bill-lines';
import { beijingDay } from '@/server/gateway/beijing-time';
import { payAlipayTrade } from '../pay-trade';
import { billArchive } from './bill-archive';
import { tradeBill } from './trade-bill';
import { startAlipaySandbox, type AlipaySandboxHarness } from '../testing/alipay-sandbox-harness';

let sandbox: AlipaySandboxHarness;
beforeAll(async () => {
  sandbox = await startAlipaySandbox();
});
afterAll(async () => sandbox.server.close());

/** The archive saved as a file, for the readers that take a path. */
async function saved<T>(archive: Buffer, read: (path: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'alipay-bill-'));
  try {
    const path = join(folder, 'bill.csv.zip');
    await writeFile(path, archive);
    return await read(path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Name and content (GBK) of each entry. */
async function unzip(path: string): Promise<Array<{ name: string; text: string }>> {
  const file = await openBillFile({ path });
  try {
    const entries: Array<{ name: string; text: string }> = [];
    for (const part of file.parts) {
      const chunks: Buffer[] = [];
      for await (const chunk of await part.open()) chunks.push(chunk as Buffer);
      entries.push({ name: part.name, text: iconv.decode(Buffer.concat(chunks), 'gbk') });
    }
    return entries;
  } finally {
    file.close();
  }
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
  const archive = Buffer.from(await response.arrayBuffer());
  const [detail, summary] = await saved(archive, unzip);
  expect(detail?.name).toMatch(/^2088\d{12}_\d{8}_业务明细\.csv$/);
  expect(detail?.text).toContain('#支付宝业务明细查询');
  expect(detail?.text).toContain(`${trade.tradeNo}\t,${outTradeNo}\t,交易\t,物业费，十一月\t`);
  expect(detail?.text).toContain('#交易合计：1笔，退款合计：0笔');
  expect(summary?.name).toMatch(/_业务明细\(汇总\)\.csv$/);
  expect(summary?.text).toContain('合计\t,\t,1\t,0\t,12.34\t');
  expect(await saved(archive, (path) => summarizeBill({ path }))).toMatchObject({
    channel: 'alipay',
    billType: 'trade',
    rows: 1,
    payments: { count: 1, amount: 1234 },
    refunds: { count: 0, amount: 0 },
    consistent: true,
  });

  link.searchParams.set('bill_date', beijingDay(new Date(Date.now() - 2 * 24 * 60 * 60 * 1000)));
  expect((await fetch(`${sandbox.server.baseUrl}${link.pathname}${link.search}`)).status).toBe(403);
});

it('lists each receiver\'s share of a settle as a 分账 line: the bill stays consistent and reconciliation matches only the payment', async () => {
  const day = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
  const outTradeNo = `S${Date.now()}`;
  await sandbox.sdk.exec('alipay.trade.precreate', { bizContent: { outTradeNo, totalAmount: '100.00', subject: '物业费' } });
  const { trade } = await payAlipayTrade({ appId: sandbox.appId, outTradeNo }, day);
  // One settle to two receivers, as the simulator records alipay.trade.order.settle.
  const settledAt = new Date(day.getTime() + 60_000);
  const line = (transIn: string, amount: number, desc: string, n: number) => ({ trans_in_type: 'userId', trans_in: transIn, amount, desc, state: 'SUCCESS', detail_id: `D${n}${outTradeNo}`, execute_dt: settledAt.toISOString() });
  await db().sandboxAlipaySettle.create({
    data: {
      settleNo: `N${outTradeNo}`,
      tradeNo: trade.tradeNo,
      outRequestNo: `R${outTradeNo}`,
      royaltyFinish: false,
      details: [line('2088101126765726', 2_000, '服务费', 1), line('2088101126708402', 500, '', 2)],
      fingerprint: 'test',
      createdAt: settledAt,
    },
  });
  const files = await tradeBill({ appId: sandbox.appId, billDate: beijingDay(day), now: new Date() });
  expect(files[0]?.text).toContain(`${trade.tradeNo}\t,${outTradeNo}\t,分账\t,物业费\t`);
  expect(files[0]?.text).toContain('\t,2088101126765726\t,-20.00\t,-20.00\t,');
  expect(files[1]?.text).toContain('合计\t,\t,1\t,0\t,75.00\t,75.00\t');
  const archive = await billArchive(files, new Date());
  expect(await summarizeBill({ bytes: archive })).toMatchObject({ rows: 3, payments: { count: 1, amount: 10_000 }, refunds: { count: 0, amount: 0 }, consistent: true });

  // Reconciliation stages only the lines it compares: the payment, none of the 分账 lines.
  const staged = await inSqlTransaction(async (session) => {
    await createBillLineTable(session);
    await stageBillLines(session, { bill: await openBill({ bytes: archive }), onDay: true });
    return session.query<{ kind: string; our_no: string; amount: string }>('SELECT kind, our_no, amount::text FROM bill_line ORDER BY line');
  });
  expect(staged).toEqual([{ kind: 'payment', our_no: outTradeNo, amount: '10000' }]);
});
