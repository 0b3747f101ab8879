import { encode } from 'next-auth/jwt';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, PHONE, screenshot } from './support/browser';

let browser: Browser;
const admin = inject('admin');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('dashboard sign-in', () => {
  it('refuses a wrong password with a clear message, then signs the admin in and out', async () => {
    const { page, context } = await newPage(browser);
    await page.goto('/');
    await page.waitForURL(/\/login$/);

    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录' }).click();
    const error = page.getByTestId('login-form').getByRole('alert');
    await error.waitFor();
    expect(await error.innerText()).toContain('邮箱或密码不正确');
    await screenshot(page, 'login-wrong-password');

    await page.getByLabel('密码').fill(admin.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('dashboard-home-heading').waitFor();
    expect(await page.getByTestId('dashboard-home-heading').innerText()).toContain('欢迎回来');
    expect(await page.getByTestId('user-menu').innerText()).toContain(admin.email);
    await screenshot(page, 'dashboard-home');

    await page.getByTestId('logout-button').click();
    await page.waitForURL(/\/login/);
    await page.goto('/');
    await page.waitForURL(/\/login$/);
    await context.close();
  });

  it('tells the user when the session has expired', async () => {
    const { page, context } = await newPage(browser, { viewport: PHONE });
    const expired = await encode({
      secret: inject('nextAuthSecret'),
      maxAge: -60,
      token: { uid: 'usr_x', email: admin.email, name: 'x', role: 'PLATFORM_ADMIN', companyId: null, sv: 0 },
    });
    await context.addCookies([{ name: 'next-auth.session-token', value: expired, url: inject('baseUrl') }]);
    await page.goto('/');
    await page.waitForURL(/\/login\?reason=expired/);
    expect(await page.locator('body').innerText()).toContain('你的登录会话已过期');
    await screenshot(page, 'login-session-expired-phone');
    await context.close();
  });

  it('speaks English when the browser asks for it', async () => {
    const { page, context } = await newPage(browser, { locale: 'en-US' });
    await page.goto('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Email').waitFor();
    await context.close();
  });
});
