import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors/app-error';
import type { BillReport } from './bill-row';
import { openBill, summarizeBill } from './parse-bill';
import { alipayZip, billFolder, crlf, fixturePath, fixtureText, gbk, withBom } from './testing/bill-files';

const folder = billFolder();
afterAll(() => folder.remove());

const WECHATPAY_ALL: BillReport = {
  channel: 'wechatpay',
  billType: 'trade',
  rows: 3,
  payments: { count: 3, amount: 3 },
  refunds: { count: 0, amount: 0 },
  fee: '0.00000',
  declared: { 总交易单数: '3', 应结订单总金额: '0.03', 退款总金额: '0.00', 充值券退款总金额: '0.00', 手续费总金额: '0.00000', 订单总金额: '0.03', 申请退款总金额: '0.00' },
  consistent: true,
};

const ALIPAY_FOOTER = { 交易合计: '6笔', 商家实收共: '0.06元', 商家优惠共: '0.00元', 退款合计: '4笔', 商家实收退款共: '-0.04元', 商家优惠退款共: '0.00元' };
const ALIPAY_DETAIL: BillReport = {
  channel: 'alipay',
  billType: 'trade',
  rows: 10,
  payments: { count: 6, amount: 6 },
  refunds: { count: 4, amount: 4 },
  fee: '0.00',
  declared: ALIPAY_FOOTER,
  consistent: true,
};

describe('genuine published bills', () => {
  it.each<[string, BillReport]>([
    ['wechatpay-trade-all.csv', WECHATPAY_ALL],
    ['alipay-trade-detail.csv', ALIPAY_DETAIL],
    [
      'wechatpay-trade-all-old-layout.csv',
      {
        channel: 'wechatpay',
        billType: 'trade',
        rows: 2,
        payments: { count: 2, amount: 2 },
        refunds: { count: 0, amount: 0 },
        fee: '0.00',
        declared: { 总交易单数: '2', 总交易额: '0.02', 总退款金额: '0.0', 总代金券或立减优惠退款金额: '0.0', 手续费总金额: '0' },
        consistent: true,
      },
    ],
    [
      'wechatpay-trade-success-v2-bom.csv',
      {
        channel: 'wechatpay',
        billType: 'trade',
        rows: 5,
        payments: { count: 5, amount: 5 },
        refunds: { count: 0, amount: 0 },
        fee: '0.00000',
        declared: { 总交易单数: '5', 应结订单总金额: '0.05', 退款总金额: '0.00', 充值券退款总金额: '0.00', 手续费总金额: '0.00000', 订单总金额: '0.05', 申请退款总金额: '0.00' },
        consistent: true,
      },
    ],
  ])('%s adds up to its own summary', async (name, report) => {
    expect(await summarizeBill({ path: fixturePath(name) })).toEqual(report);
  });

  it.each<[string, Partial<BillReport>]>([
    ['wechatpay-fundflow-v2-doc-excerpt.csv', { billType: 'fundflow', rows: 1, payments: { count: 0, amount: 0 }, refunds: { count: 1, amount: 2 }, fee: '0.00' }],
    ['wechatpay-fundflow.csv', { billType: 'fundflow', rows: 2, payments: { count: 0, amount: 0 }, refunds: { count: 2, amount: 2 }, fee: '0.00' }],
    ['wechatpay-trade-all-refunds-excerpt.csv', { rows: 2, payments: { count: 1, amount: 6000 }, refunds: { count: 1, amount: 5000 }, fee: '0.05000' }],
    ['wechatpay-trade-refund-excerpt.csv', { rows: 1, payments: { count: 0, amount: 0 }, refunds: { count: 1, amount: 1 }, fee: '0.00000' }],
    ['wechatpay-trade-success-excerpt.csv', { rows: 1, payments: { count: 1, amount: 1 }, refunds: { count: 0, amount: 0 }, fee: '0.00000' }],
    ['alipay-fundflow-excerpt.csv', { channel: 'alipay', billType: 'fundflow', rows: 3, payments: { count: 3, amount: 377800 }, refunds: { count: 0, amount: 0 }, fee: '0.00' }],
  ])('%s, published as an excerpt, parses and says it does not add up', async (name, report) => {
    expect(await summarizeBill({ path: fixturePath(name) })).toMatchObject({ channel: 'wechatpay', ...report, consistent: false });
  });

  it('the Alipay fund-flow excerpt adds up once its footer counts only the lines it kept', async () => {
    const kept = fixtureText('alipay-fundflow-excerpt.csv').replace('#收入合计：18笔，共14989.00元', '#收入合计：3笔，共3778.00元');
    expect(await summarizeBill({ path: folder.write('alipay-fundflow-kept.csv', gbk(kept)) })).toMatchObject({
      declared: { 支出合计: '0笔', 支出合计共: '0.00元', 收入合计: '3笔', 收入合计共: '3778.00元' },
      consistent: true,
    });
  });

  it('the WeChat Pay v2 fund-flow sample adds up once its summary counts only its line (counts written "1.0")', async () => {
    const kept = fixtureText('wechatpay-fundflow-v2-doc-excerpt.csv').replace('`20.0,`17.0,`0.35,`3.0,`0.18', '`1.0,`0.0,`0.00,`1.0,`0.02');
    expect(await summarizeBill({ path: folder.write('wechatpay-fundflow-v2-kept.csv', kept) })).toMatchObject({ refunds: { count: 1, amount: 2 }, consistent: true });
  });
});

describe('edge cases of real deliveries', () => {
  const success = fixtureText('wechatpay-trade-success-v2-bom.csv');
  const refunds = fixtureText('wechatpay-trade-all-refunds-excerpt.csv').split('\n');

  it('a day without trades: header and a summary of zeros, no rows', async () => {
    const empty = [success.split('\r\n')[0], '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额', '`0,`0.00,`0.00,`0.00,`0.00000,`0.00,`0.00'].join('\r\n');
    expect(await summarizeBill({ path: folder.write('wechatpay-empty.csv', empty) })).toMatchObject({ rows: 0, payments: { count: 0, amount: 0 }, refunds: { count: 0, amount: 0 }, consistent: true });
  });

  it('a day with only a refund: the positive fen of its negative-fee line', async () => {
    const refundOnly = [refunds[0], refunds[1], refunds[3], '`1,`0.00,`50.00,`0.00,`-0.27000,`0.00,`50.00'].join('\n');
    expect(await summarizeBill({ path: folder.write('wechatpay-refund-only.csv', refundOnly) })).toMatchObject({
      rows: 1,
      payments: { count: 0, amount: 0 },
      refunds: { count: 1, amount: 5000 },
      fee: '-0.27000',
      consistent: true,
    });
  });

  it('an Alipay detail without 商品名称 and 服务费（元） (column sets differ between exports): found by name, no fee', async () => {
    const lines = fixtureText('alipay-trade-detail.csv').split('\n');
    const header = lines.findIndex((line) => line.startsWith('支付宝交易号,'));
    const dropped = ['商品名称', '服务费（元）'].map((name) => lines[header]!.split(',').indexOf(name));
    const without = lines.map((line, index) => (index < header || line.startsWith('#') ? line : line.split(',').filter((_, at) => !dropped.includes(at)).join(',')));
    expect(dropped.every((at) => at >= 0)).toBe(true);
    expect(await summarizeBill({ path: folder.write('alipay-fewer-columns.csv', gbk(without.join('\n'))) })).toEqual(ALIPAY_DETAIL);
  });

  it.each([
    ['blank LF lines', '\n\n'],
    ['blank CRLF lines', '\r\n\r\n\r\n'],
  ])('trailing %s after the summary are no content', async (name, tail) => {
    expect(await summarizeBill({ path: folder.write(`wechatpay-trailing-${name}.csv`, withBom(`${success}${tail}`)) })).toMatchObject({ rows: 5, consistent: true });
  });
});

describe('the same bill as the channel may deliver it', () => {
  const wechatpay = fixtureText('wechatpay-trade-all.csv');
  const alipay = fixtureText('alipay-trade-detail.csv');
  // No 汇总 file was found published: this one is written in the layout the simulator serves, from
  // the genuine detail's figures (orders net of refunds, as in the simulator).
  const alipaySummary = crlf(
    [
      '#支付宝业务汇总查询',
      '#账号：[20880211096256330156]',
      '#起始日期：[2019年09月16日 00:00:00]   终止日期：[2019年09月17日 00:00:00]',
      '#-----------------------------------------业务汇总列表----------------------------------------',
      '门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）',
      'alipay_store\t,alipay_store\t,5\t,4\t,0.01\t,0.01\t,0.00\t,0.00\t,0.00\t,0.00\t,0.00\t,0.01\t',
      '\t,\t,1\t,0\t,0.01\t,0.01\t,0.00\t,0.00\t,0.00\t,0.00\t,0.00\t,0.01\t',
      '合计\t,\t,6\t,4\t,0.02\t,0.02\t,0.00\t,0.00\t,0.00\t,0.00\t,0.00\t,0.02\t',
      '#-----------------------------------------业务汇总列表结束-----------------------------------',
      '#导出时间：[2019年09月17日 05:46:49]',
      '',
    ].join('\n'),
  );

  it.each<[string, Buffer | string]>([
    ['gzip', gzipSync(wechatpay)],
    ['BOM and CRLF', withBom(crlf(wechatpay))],
    ['gzip of BOM and CRLF', gzipSync(withBom(crlf(wechatpay)))],
  ])('WeChat Pay trade bill as %s', async (variant, content) => {
    expect(await summarizeBill({ path: folder.write(`wechatpay-${variant}.bill`, content) })).toEqual(WECHATPAY_ALL);
    expect(await summarizeBill({ bytes: Buffer.from(content) })).toEqual(WECHATPAY_ALL);
  });

  it('Alipay detail CSV in GBK, CRLF', async () => {
    expect(await summarizeBill({ path: folder.write('alipay-detail-gbk.csv', gbk(crlf(alipay))) })).toEqual(ALIPAY_DETAIL);
  });

  it('Alipay ZIP of the GBK detail and summary: both files declare, the rows add up to both', async () => {
    const archive = await alipayZip([
      { name: '20880211096256330156_20190916_业务明细.csv', text: crlf(alipay) },
      { name: '20880211096256330156_20190916_业务明细(汇总).csv', text: alipaySummary },
    ]);
    const report = await summarizeBill({ path: folder.write('alipay.csv.zip', archive) });
    // A bill kept in the database is read from its bytes, to the same report.
    expect(await summarizeBill({ bytes: archive })).toEqual(report);
    expect(report).toEqual({
      ...ALIPAY_DETAIL,
      declared: {
        交易订单总笔数: '6',
        退款订单总笔数: '4',
        '订单金额（元）': '0.02',
        '商家实收（元）': '0.02',
        '支付宝优惠（元）': '0.00',
        '商家优惠（元）': '0.00',
        '卡消费金额（元）': '0.00',
        '服务费（元）': '0.00',
        '分润（元）': '0.00',
        '实收净额（元）': '0.02',
        ...ALIPAY_FOOTER,
      },
    });
  });

  it('the summary CSV alone: its figures, no rows', async () => {
    expect(await summarizeBill({ path: folder.write('alipay-summary.csv', gbk(alipaySummary)) })).toMatchObject({ channel: 'alipay', rows: 0, consistent: false });
  });
});

describe('rows', () => {
  async function rowsOf(path: string) {
    const bill = await openBill({ path });
    const rows = [];
    for await (const row of bill.rows) rows.push(row);
    return rows;
  }

  it('Alipay: a payment and its refund, amounts positive fen, the refund request number kept', async () => {
    const [payment, refund] = await rowsOf(fixturePath('alipay-trade-detail.csv'));
    expect(payment).toEqual({
      line: 6,
      kind: 'payment',
      time: '2019-09-16 10:55:23',
      outTradeNo: 'service_1568601259302',
      channelTradeNo: '2019091622001458860515315453',
      outRefundNo: '',
      channelRefundNo: '',
      amountFen: 1,
      fee: '0.00',
      status: '交易',
    });
    expect(refund).toMatchObject({ line: 7, kind: 'refund', time: '2019-09-16 10:56:48', outTradeNo: 'service_1568601259302', outRefundNo: 're_test_1568602607356', amountFen: 1 });
  });

  it('WeChat Pay: a refund line found by header name, its fee negative as written', async () => {
    const [refund, payment] = await rowsOf(fixturePath('wechatpay-trade-all-refunds-excerpt.csv'));
    expect(refund).toEqual({
      line: 2,
      kind: 'refund',
      time: '2024-07-09 16:47:58',
      outTradeNo: '5617363390111199232',
      channelTradeNo: '4200002166202406250324636876',
      outRefundNo: '5622435300878286848',
      channelRefundNo: '50302709992024070991956632208',
      amountFen: 5000,
      fee: '-0.27000',
      status: 'SUCCESS',
    });
    expect(payment).toMatchObject({ kind: 'payment', outTradeNo: '5622334254839656448', amountFen: 6000, fee: '0.32000', outRefundNo: '', status: 'SUCCESS' });
  });

  it('WeChat Pay REFUND bill: the refund time is 退款成功时间', async () => {
    const [refund] = await rowsOf(fixturePath('wechatpay-trade-refund-excerpt.csv'));
    expect(refund).toMatchObject({ kind: 'refund', time: '2019-07-23 20:53:40', amountFen: 1 });
  });

  it('WeChat Pay fund flow: 支出 lines with their business voucher number', async () => {
    const [first] = await rowsOf(fixturePath('wechatpay-fundflow.csv'));
    expect(first).toMatchObject({ kind: 'expense', channelTradeNo: '50300806962021020105978994968', outTradeNo: 'S20210201135356381941', amountFen: 1, fee: '0', status: '退款' });
  });

  it('reports only once every row was read', async () => {
    const bill = await openBill({ path: fixturePath('wechatpay-trade-all.csv') });
    expect(() => bill.report()).toThrow(AppError);
  });
});

describe('a row altered after the channel wrote the bill', () => {
  it.each<[string, string, string, string]>([
    ['WeChat Pay amount', 'wechatpay-trade-all.csv', '`NATIVE,`SUCCESS,`OTHERS,`CNY,`0.01,`0.00,`0,`0,`0.00,`0.00,`,`,`for testing,`cipher code,`0.00000,`1.00%,`0.01,', '`NATIVE,`SUCCESS,`OTHERS,`CNY,`0.02,`0.00,`0,`0,`0.00,`0.00,`,`,`for testing,`cipher code,`0.00000,`1.00%,`0.02,'],
    ['WeChat Pay fee', 'wechatpay-trade-all.csv', '`0.00000,`1.00%', '`0.00001,`1.00%'],
    ['Alipay refund', 'alipay-trade-detail.csv', '-0.01,-0.01,', '-0.02,-0.02,'],
    ['Alipay line dropped', 'alipay-trade-detail.csv', '2019091622001458860517860493\t,', '#'],
  ])('%s: consistent is false', async (change, name, from, to) => {
    const text = fixtureText(name);
    expect(text).toContain(from);
    const altered = to === '#' ? text.replace(/^2019091622001458860517860493\t,.*\n/m, '') : text.replace(from, to);
    expect(await summarizeBill({ path: folder.write(`altered-${change}.csv`, altered) })).toMatchObject({ consistent: false });
  });
});

describe('bad input fails with where and why, never a partial result', () => {
  const wechatpay = fixtureText('wechatpay-trade-all.csv');
  const alipay = fixtureText('alipay-trade-detail.csv');
  const zipped = () => alipayZip([{ name: 'detail.csv', text: alipay }]);
  /** The archive with bytes of its first entry's compressed data overwritten, the directory intact. */
  const damaged = (archive: Buffer) => Buffer.concat([archive.subarray(0, 60), Buffer.alloc(40, 0xff), archive.subarray(100)]);

  it.each<[string, () => Promise<Buffer | string> | Buffer | string, RegExp]>([
    ['an amount in exponent form', () => wechatpay.replace('`1.00%,`0.01,', '`1.00%,`1e-2,'), /^line 2, column 订单金额: "1e-2" is not a yuan amount/],
    ['an unparsable amount in a summed column', () => wechatpay.replace('`CNY,`0.01,', '`CNY,`0.0x,'), /^line 2, column 应结订单金额: "0\.0x" is not an amount/],
    ['a fee that is no number', () => wechatpay.replace('`0.00000,`1.00%', '`abc,`1.00%'), /^line 2, column 手续费: "abc" is not an amount/],
    ['an Alipay amount with three decimals', () => alipay.replace(',0.01,0.01,', ',0.015,0.01,'), /^line 6, column 订单金额（元）: "0\.015" is not a yuan amount/],
    ['an amount with a thousands separator in an Alipay line', () => alipay.replace(',0.01,0.01,', ',"1,000.00",0.01,'), /^line 6: 26 values where the header has 25 columns/],
    ['a truncated gzip', () => gzipSync(wechatpay).subarray(0, 200), /compressed data \(gzip, or a ZIP entry\) is truncated or damaged/],
    ['a ZIP entry whose data was damaged', async () => damaged(await zipped()), /compressed data \(gzip, or a ZIP entry\) is truncated or damaged/],
    ['a truncated ZIP', async () => (await zipped()).subarray(0, 300), /ZIP archive is truncated or damaged/],
    ['a WeChat Pay bill cut before its summary', () => wechatpay.split('\n').slice(0, 3).join('\n'), /no summary at the end: the bill is incomplete/],
    ['a WeChat Pay bill cut inside its summary', () => wechatpay.split('\n').slice(0, 5).join('\n'), /summary header has no line of figures/],
    ['an Alipay detail cut before its end line', () => alipay.split('\n').slice(0, 10).join('\n'), /no end line \(列表结束\): the file is incomplete/],
    ['an unknown layout', () => wechatpay.replace('交易状态,', '状态,'), /^line 1: unknown layout: the header has no 交易状态 column/],
    ['an unknown 交易状态', () => wechatpay.replace('`SUCCESS', '`CLOSED'), /^line 2, column 交易状态: unknown 交易状态 "CLOSED"/],
    ['an unknown Alipay 业务类型', () => alipay.replace('\t,交易\t,', '\t,冻结\t,'), /^line 6, column 业务类型: unknown 业务类型 "冻结"/],
    ['a line with a missing value', () => wechatpay.replace(',`cipher code,', ','), /^line 2: 26 values where the header has 27 columns/],
    ['lines after the summary', () => `${wechatpay}\`1,\`2\n`, /content after the summary line/],
    ['text that is not a bill', () => 'name,amount\nrent,10.00\n', /^line 1: not a bill/],
    ['an empty file', () => '', /not a bill: the file is empty/],
    ['binary bytes', () => Buffer.from([0x00, 0xff, 0xfe, 0x10, 0x80, 0x81, 0x0a]), /not a bill/],
  ])('%s', async (name, content, message) => {
    const path = folder.write(`bad-${name}`, await content());
    const failure = summarizeBill({ path });
    await expect(failure).rejects.toThrow(AppError);
    await expect(failure).rejects.toThrow(message);
  });
});
