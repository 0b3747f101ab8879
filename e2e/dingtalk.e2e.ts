// A company's DingTalk robot, as staff set it up: the group admin adds a signed robot (here on the
// DingTalk simulator's page), staff enter its webhook and secret, send a test message, and the group
// receives it, signed as DingTalk checks.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { desktopAndPhone, signIn } from './support/dashboard';

let browser: Browser;
const admin = inject('admin');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('DingTalk robots', () => {
  it('staff add a company robot, its secret never shows again, and a test message reaches the group', async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, admin);

    // The DingTalk group admin adds a custom robot with 加签 (the simulator plays DingTalk).
    await page.goto('/sandbox/dingtalk');
    await page.getByRole('button', { name: '添加机器人（加签）' }).click();
    await page.getByText(/^Webhook：/).first().waitFor();
    const webhookUrl = (await page.getByText(/^Webhook：/).first().innerText()).replace('Webhook：', '').trim();
    const secret = (await page.getByText(/^加签密钥：/).first().innerText()).replace('加签密钥：', '').trim();
    expect(webhookUrl).toMatch(/\/sandbox\/dingtalk\/robot\/send\?access_token=/);
    expect(secret).toMatch(/^SEC/);

    await page.goto('/dingtalk');
    await page.getByRole('heading', { name: '钉钉机器人', level: 1 }).waitFor();
    await page.getByRole('button', { name: '添加机器人' }).click();
    const form = page.getByTestId('add-robot-form');
    await form.getByRole('button', { name: '添加', exact: true }).click();
    expect(await form.getByLabel('Webhook 地址').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('物业公司').selectOption({ index: 1 });
    await form.getByLabel('名称').fill('工程部值班群');
    await form.getByLabel('Webhook 地址').fill(webhookUrl);
    await form.getByLabel(/密钥/).first().fill(secret);
    await form.getByRole('button', { name: '添加', exact: true }).click();
    await page.getByText('工程部值班群').first().waitFor();
    // The secret is never shown back: only a hint of its last characters.
    expect(await page.content()).not.toContain(secret);
    await desktopAndPhone(page, 'dingtalk-robots');

    await page.getByRole('button', { name: '发送测试消息' }).first().click();
    await page.getByText('测试消息已送达。').waitFor();

    // The group received it, and it carries no secret.
    await page.goto('/sandbox/dingtalk');
    const messages = page.getByTestId('dingtalk-messages');
    await messages.locator('li').first().waitFor();
    expect(await messages.innerText()).not.toContain(secret);
    await screenshot(page, 'dingtalk-simulator');
    await context.close();
  });

  it('speaks English when the browser asks for it', async () => {
    const { page, context } = await newPage(browser, { locale: 'en-US' });
    await page.goto('/login');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('dashboard-home-heading').waitFor();
    await page.goto('/dingtalk');
    await page.getByRole('heading', { name: 'DingTalk robots', level: 1 }).waitFor();
    await desktopAndPhone(page, 'dingtalk-robots-en');
    await context.close();
  });
});
