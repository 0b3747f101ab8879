// What every dashboard browser test does: sign in through the login form, and look at a page on a
// desktop and on a phone, where nothing may widen the page.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './browser';

const LOGIN_LABELS = {
  zh: { email: '邮箱', password: '密码', submit: '登录' },
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
};

/** Signs in with the form in the page's language and waits for the dashboard's home. */
export async function signIn(page: Page, who: { email: string; password: string }, language: keyof typeof LOGIN_LABELS = 'zh'): Promise<void> {
  const labels = LOGIN_LABELS[language];
  await page.goto('/login');
  await page.getByLabel(labels.email).fill(who.email);
  await page.getByLabel(labels.password).fill(who.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.getByTestId('dashboard-home-heading').waitFor();
}

/** A full-page screenshot on the desktop, then on a phone, which must not scroll sideways. */
export async function desktopAndPhone(page: Page, name: string, phone: { width: number; height: number } = PHONE): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize(phone);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(phone.width);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}
