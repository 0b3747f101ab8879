// Split payments in the dashboard: the demo company's admin binds a receiver on the demo's sandbox
// WeChat Pay channel; an app makes a profitSharing payment, pays it at the simulator and splits it
// over the API; the payment's page shows the split, its lines and timeline; staff finish splitting
// (audited); the receiver is unbound. In Chinese and English, on a desktop and a phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, db } from '@/server/db/client';
import { appApiClient } from '@/server/testing/app-api-client';
import { launchBrowser, newPage } from './support/browser';
import { desktopAndPhone, signIn } from './support/dashboard';

let browser: Browser;
const baseUrl = inject('baseUrl');
const demo = inject('demo');
const api = appApiClient({ baseUrl, appId: demo.appId, secret: demo.appSecret });
const wechatPaymentId = demo.paymentIds.WECHATPAY;
/** A person's openid of this run, and how the dashboard shows it. */
const openid = `oE2E${Date.now().toString(36).padStart(12, '0')}Split`;
const masked = `${openid.slice(0, 4)}****${openid.slice(-4)}`;
let serialNo: string;

beforeAll(async () => {
  connectDatabase(inject('databaseUrl'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db().$disconnect();
});

/** A WeChat Pay NATIVE payment with profitSharing, paid at the simulator, split to the new receiver and a demo one. */
async function paidAndSplit(): Promise<{ serialNo: string; splitSerialNo: string }> {
  const created = await api.request('POST', '/api/v1/payments', {
    merchantId: demo.merchantId,
    paymentId: wechatPaymentId,
    invokeMethod: 'QR',
    orderNo: `E2E-SPLIT-${Date.now()}`,
    amount: 10_000,
    currency: 'CNY',
    subject: '物业费 2026年12月 3-2-501',
    profitSharing: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const paid = await api.request('POST', `/api/v1/sandbox/payments/${created.body.payment.serialNo}/pay`);
  expect(paid.body.payment.status).toBe('SUCCEEDED');
  const receivers = await db().splitReceiver.findMany({ where: { paymentChannelId: wechatPaymentId, status: 'ACTIVE' }, orderBy: { createdAt: 'asc' } });
  const ours = receivers.find((receiver) => receiver.account === openid)!;
  const platform = receivers.find((receiver) => receiver.account !== openid)!;
  const split = await api.request('POST', `/api/v1/payments/${created.body.payment.serialNo}/splits`, {
    splitNo: `E2E-SP-${Date.now()}`,
    receivers: [
      { receiverId: platform.id, amount: 1_000, description: '平台服务费' },
      { receiverId: ours.id, amount: 500, description: '业委会分成' },
    ],
  });
  expect(split.status, JSON.stringify(split.body)).toBe(201);
  expect(split.body.split.status).toBe('SUCCEEDED');
  return { serialNo: created.body.payment.serialNo, splitSerialNo: split.body.split.splitSerialNo };
}

describe('split payments in the dashboard', () => {
  it('an admin binds a receiver, sees a split on the payment, finishes splitting and unbinds the receiver', async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, demo.companyAdmin);

    // From the merchant's WeChat Pay channel card to its split page.
    await page.goto(`/merchants/${demo.merchantId}`);
    const card = page.locator(`[data-testid="channel-card"][data-payment-id="${wechatPaymentId}"]`);
    expect(await card.innerText()).toContain('已开启 · 单笔最多分出 30%');
    await card.getByTestId('channel-splits-link').click();
    await page.getByRole('heading', { name: '分账接收方', level: 1 }).waitFor();
    expect(await page.getByLabel('单笔最高分账比例（%）').inputValue()).toBe('30');

    // WeChat Pay's ceiling is checked before anything is sent.
    await page.getByLabel('单笔最高分账比例（%）').fill('35');
    await page.getByTestId('split-settings-save').click();
    await page.getByText('请输入 0.01 到 30% 之间的百分比，最多两位小数。').waitFor();
    await page.getByLabel('单笔最高分账比例（%）').fill('30');

    // Bind a person: a merchant without its full name is refused on the spot.
    await page.getByTestId('open-register-receiver').click();
    const form = page.getByTestId('register-receiver-form');
    await form.getByLabel('账号', { exact: true }).fill('1900000999');
    await form.getByRole('button', { name: '绑定接收方' }).click();
    await form.getByText('商户接收方必须填写全称。').waitFor();
    await form.getByLabel('个人 openid').check();
    await form.getByLabel('账号', { exact: true }).fill(openid);
    await form.getByLabel('与本商户的关系').selectOption('CUSTOM');
    await form.getByLabel('自定义关系').fill('业委会');
    await desktopAndPhone(page, 'split-receiver-form');
    await form.getByRole('button', { name: '绑定接收方' }).click();
    await page.getByTestId('announcement').getByText(`已绑定接收方 ${masked}。`).waitFor();
    const receiver = await db().splitReceiver.findFirstOrThrow({ where: { paymentChannelId: wechatPaymentId, account: openid } });
    const row = page.getByTestId(`row-${receiver.id}`);
    for (const text of [masked, '个人 openid', '业委会', '已绑定']) expect(await row.innerText()).toContain(text);
    expect(await page.content()).not.toContain(openid);
    await desktopAndPhone(page, 'split-receivers');

    // An app's split of a profitSharing payment, on the payment's page.
    const made = await paidAndSplit();
    serialNo = made.serialNo;
    await page.goto(`/payments/${serialNo}`);
    const section = page.getByTestId('payment-splits');
    await section.getByRole('heading', { name: /分账/ }).first().waitFor();
    expect(await section.getByTestId('split-amount').innerText()).toContain('15.00');
    const split = section.getByTestId(`split-${made.splitSerialNo}`);
    for (const text of [made.splitSerialNo, '平台服务费', '业委会分成', masked, '成功', '10.00', '5.00']) expect(await split.innerText()).toContain(text);
    const timeline = await section.getByTestId('split-timeline').innerText();
    for (const text of ['发起分账 ¥15.00', `${masked} 分得 ¥5.00`]) expect(timeline).toContain(text);
    await desktopAndPhone(page, 'payment-splits');

    // Finish splitting: confirmed, done, no more finishing, in the audit log.
    await section.getByTestId('finish-splits').click();
    await page.getByRole('alertdialog').getByText('渠道会把尚未分出的资金解冻给商户。', { exact: false }).waitFor();
    await page.getByTestId('confirm-dialog-confirm').click();
    await page.getByText('已完结分账，剩余资金已解冻给商户。').waitFor();
    await section.getByTestId('splitting-state').getByText('已完结').waitFor();
    expect(await section.getByTestId('finish-splits').count()).toBe(0);
    expect(await section.getByTestId('split-timeline').innerText()).toContain('分账完结，剩余资金已解冻给商户');
    await desktopAndPhone(page, 'payment-splits-finished');
    await page.goto('/audit?action=payment.finish-splits');
    expect(await page.getByTestId('row-payment.finish-splits').innerText()).toContain(demo.companyAdmin.email);

    // Unbind the receiver: it leaves the bound list and shows under "已解除" (the filter is in the URL).
    await page.goto(`/merchants/${demo.merchantId}/channels/${wechatPaymentId}/splits`);
    await page.getByRole('button', { name: `解除接收方 ${masked}` }).click();
    await page.getByTestId('confirm-dialog-confirm').click();
    await page.getByTestId('announcement').getByText(`已解除接收方 ${masked}。`).waitFor();
    await page.getByTestId(`row-${receiver.id}`).waitFor({ state: 'detached' });
    await page.getByLabel('状态').selectOption('REMOVED');
    await page.getByTestId(`row-${receiver.id}`).getByText('已解除').waitFor();
    expect(page.url()).toContain('status=REMOVED');
    await context.close();
  });

  it('speaks English when the browser asks for it', async () => {
    const { page, context } = await newPage(browser, { locale: 'en-US' });
    await signIn(page, demo.companyAdmin, 'en');
    await page.goto(`/payments/${serialNo}`);
    const section = page.getByTestId('payment-splits');
    await section.getByTestId('splitting-state').getByText('Finished').waitFor();
    const timeline = await section.getByTestId('split-timeline').innerText();
    for (const text of ['Split of ¥15.00 asked', `${masked} received ¥5.00`, 'Splitting finished']) expect(timeline).toContain(text);
    await desktopAndPhone(page, 'payment-splits-en');
    await page.goto(`/merchants/${demo.merchantId}/channels/${wechatPaymentId}/splits?status=ALL`);
    await page.getByRole('heading', { name: 'Split receivers', level: 1 }).waitFor();
    expect(await page.getByTestId(`row-${(await db().splitReceiver.findFirstOrThrow({ where: { account: openid } })).id}`).innerText()).toContain('Removed');
    await desktopAndPhone(page, 'split-receivers-en');
    await context.close();
  });
});
