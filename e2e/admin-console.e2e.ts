import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { desktopAndPhone, signIn } from './support/dashboard';

let browser: Browser;
const admin = inject('admin');
const suffix = Date.now().toString(36);
const companyName = `绿城物业 ${suffix}`;
const companyAdmin = { email: `company-admin-${suffix}@paycenter.test`, name: '张经理' };
const appName = `物业缴费 ${suffix}`;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('admin console', () => {
  it('sets up a company, its admin and an app, and the company admin sees only their company', async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, admin);

    // A property company.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '物业公司' }).click();
    await page.getByRole('heading', { name: '物业公司', level: 1 }).waitFor();
    await page.getByRole('button', { name: '新建物业公司' }).click();
    const companyForm = page.getByTestId('create-company-form');
    await companyForm.getByRole('button', { name: '创建' }).click();
    expect(await companyForm.getByLabel('公司名称', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await companyForm.getByLabel('公司名称', { exact: true }).fill(companyName);
    await companyForm.getByLabel('联系人（选填）').fill('王经理');
    await companyForm.getByLabel('联系电话（选填）').fill('0571-8888 6666');
    await companyForm.getByRole('button', { name: '创建' }).click();
    await page.getByText(`已创建物业公司“${companyName}”。`).waitFor();
    await page.getByTestId(`row-${companyName}`).waitFor();

    // Search (debounced, mirrored in the address bar) and sorting.
    await page.getByLabel('搜索公司名称').fill('没有这家公司');
    await page.getByText('没有符合条件的记录。').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('没有这家公司');
    await page.getByRole('button', { name: '清除搜索' }).click();
    await page.getByTestId(`row-${companyName}`).waitFor();
    const nameHeader = page.getByRole('columnheader', { name: '公司名称' });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('none');
    await nameHeader.getByRole('button').click();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await desktopAndPhone(page, 'admin-companies');

    // Its admin, whose temporary password is shown once.
    await page.getByTestId(`row-${companyName}`).getByRole('link', { name: companyName }).click();
    await page.getByRole('heading', { name: companyName, level: 1 }).waitFor();
    await page.getByRole('button', { name: '暂停公司' }).click();
    const suspendDialog = page.getByRole('alertdialog');
    await suspendDialog.getByText('不会丢失任何数据').waitFor();
    await screenshot(page, 'admin-company-suspend-dialog');
    await page.keyboard.press('Escape');
    await suspendDialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '新建公司用户' }).click();
    const userForm = page.getByTestId('create-user-form');
    await userForm.getByLabel('邮箱').fill(companyAdmin.email);
    await userForm.getByLabel('姓名').fill(companyAdmin.name);
    expect(await userForm.getByLabel('角色').inputValue()).toBe('COMPANY_ADMIN');
    await userForm.getByRole('button', { name: '创建用户' }).click();
    const firstPassword = (await page.getByTestId('temporary-password').innerText()).trim();
    expect(firstPassword).toMatch(/^[0-9A-Za-z]{16}$/);
    await page.getByTestId(`row-${companyAdmin.email}`).waitFor();
    await desktopAndPhone(page, 'admin-company-detail');

    // Creating the same email again is refused next to the email field.
    await page.getByRole('button', { name: '新建公司用户' }).click();
    await userForm.getByLabel('邮箱').fill(companyAdmin.email);
    await userForm.getByLabel('姓名').fill('重复');
    await userForm.getByRole('button', { name: '创建用户' }).click();
    await userForm.getByText('已被使用。').waitFor();
    await userForm.getByRole('button', { name: '取消' }).click();

    // All users, filtered by company; resetting the password shows a new one once.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户' }).click();
    await page.getByTestId(`row-${admin.email}`).waitFor();
    await page.getByLabel('物业公司').selectOption({ label: companyName });
    await page.getByTestId(`row-${admin.email}`).waitFor({ state: 'detached' });
    expect(await page.getByTestId(`row-${admin.email}`).count()).toBe(0);
    const adminRow = page.getByTestId(`row-${companyAdmin.email}`);
    await adminRow.getByRole('button', { name: '重置密码' }).click();
    const resetDialog = page.getByRole('alertdialog');
    await resetDialog.getByRole('button', { name: '重置密码' }).click();
    const password = (await page.getByTestId('temporary-password').innerText()).trim();
    expect(password).not.toBe(firstPassword);
    await desktopAndPhone(page, 'admin-users');

    // An app: its ID and secret are shown once.
    await page.goto('/apps');
    await page.getByRole('button', { name: '注册应用' }).click();
    const appForm = page.getByTestId('register-app-form');
    await appForm.getByLabel('应用名称').fill(appName);
    await appForm.getByLabel('默认通知地址（选填）').fill('https://fees.example.com/paycenter/notify');
    await appForm.getByLabel('IP 白名单（选填）').fill('203.0.113.0/24\nnot-an-ip');
    await appForm.getByRole('button', { name: '注册' }).click();
    await appForm.getByText('第 2 行“not-an-ip”不是有效的 IP 地址或 CIDR 网段。').waitFor();
    await appForm.getByLabel('IP 白名单（选填）').fill('203.0.113.0/24\n198.51.100.7');
    await appForm.getByRole('button', { name: '注册' }).click();
    const secret = (await page.getByTestId('app-secret').innerText()).trim();
    const appId = (await page.getByTestId('app-id').innerText()).trim();
    expect(secret).toMatch(/^pcs_[0-9A-Za-z]{40}$/);
    expect(await page.getByTestId('secret-reveal').innerText()).toContain('只显示这一次');
    await page.getByTestId(`row-${appName}`).waitFor();
    await desktopAndPhone(page, 'admin-apps-registered');

    await page.reload();
    await page.getByTestId(`row-${appName}`).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await page.getByTestId('secret-reveal').count()).toBe(0);

    // Rotating issues a second secret, also shown once; the first stays active.
    await page.getByTestId(`row-${appName}`).getByRole('link', { name: appName }).click();
    await page.getByRole('heading', { name: appName, level: 1 }).waitFor();
    expect((await page.getByTestId('app-detail-id').innerText()).trim()).toBe(appId);
    await page.getByRole('button', { name: '轮换密钥' }).click();
    const rotateDialog = page.getByRole('alertdialog');
    await rotateDialog.getByText('新旧两个密钥都会保持有效').waitFor();
    await screenshot(page, 'admin-app-rotate-dialog');
    await rotateDialog.getByRole('button', { name: '生成新密钥' }).click();
    const rotated = (await page.getByTestId('rotated-secret').innerText()).trim();
    expect(rotated).toMatch(/^pcs_/);
    expect(rotated).not.toBe(secret);
    await page.getByTestId(`row-${secret.slice(0, 8)}`).waitFor();
    await page.getByTestId(`row-${rotated.slice(0, 8)}`).waitFor();
    expect(await page.getByRole('button', { name: '轮换密钥' }).isDisabled()).toBe(true);
    await desktopAndPhone(page, 'admin-app-detail');

    // The audit log has every step, newest first, with expandable summaries.
    await page.goto('/audit');
    for (const action of ['company.create', 'user.create', 'app.register', 'app.rotate-secret']) {
      await page.getByTestId(`row-${action}`).first().waitFor();
    }
    const actions = await page.locator('tbody code').allInnerTexts();
    // Newest first. Other browser tests share this server, so their entries may be listed too.
    expect(actions.indexOf('app.rotate-secret')).toBeLessThan(actions.lastIndexOf('company.create'));
    const companyRows = page.getByTestId('row-company.create');
    for (let i = 0; i < (await companyRows.count()); i++) await companyRows.nth(i).getByRole('button', { name: '展开详情' }).click();
    await expect
      .poll(async () => (await page.getByTestId('audit-details').allInnerTexts()).some((text) => text.includes(`"name": "${companyName}"`)))
      .toBe(true);
    await desktopAndPhone(page, 'admin-audit');
    await page.getByLabel('操作类型').selectOption('app.');
    await expect.poll(() => page.getByTestId('row-company.create').count()).toBe(0);
    await page.getByTestId('row-app.register').first().waitFor();
    expect(page.url()).toContain('action=app.');

    // The company admin: their company's users only, and no companies or apps in the menu.
    await page.getByTestId('logout-button').click();
    await page.waitForURL(/\/login/);
    await signIn(page, { email: companyAdmin.email, password });
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.getByRole('link', { name: '物业公司' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '应用' }).count()).toBe(0);
    await nav.getByRole('link', { name: '用户' }).click();
    await page.getByText(`${companyName}的用户账号。`).waitFor();
    await page.getByTestId(`row-${companyAdmin.email}`).waitFor();
    expect(await page.getByTestId(`row-${admin.email}`).count()).toBe(0);
    expect(await page.getByLabel('物业公司').count()).toBe(0);
    // Their own row offers no actions: they cannot disable themselves.
    expect(await page.getByTestId(`row-${companyAdmin.email}`).getByRole('button').count()).toBe(0);
    await desktopAndPhone(page, 'company-admin-users');

    const response = await page.goto('/companies');
    expect(response?.status()).toBe(404);
    await context.close();
  });

  it('speaks English on the admin pages when the browser asks for it', async () => {
    const { page, context } = await newPage(browser, { locale: 'en-US' });
    await signIn(page, admin, 'en');
    await page.goto('/apps');
    await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Register app' }).click();
    await page.getByTestId('register-app-form').getByRole('button', { name: 'Register' }).click();
    await page.getByText('The app name needs 2 to 100 characters.').waitFor();
    await desktopAndPhone(page, 'admin-apps-en');
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.getByTestId('row-app.register').first().waitFor();
    await desktopAndPhone(page, 'admin-audit-en');
    await context.close();
  });
});
