import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot } from './support/browser';
import { signIn } from './support/dashboard';

let browser: Browser;
const platformAdmin = inject('admin');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Calls a tRPC procedure over HTTP as the page's signed-in user (superjson envelope, no batching). */
async function trpc(page: Page, kind: 'query' | 'mutation', path: string, input: unknown): Promise<Record<string, unknown>> {
  const envelope = JSON.stringify({ json: input });
  const response =
    kind === 'mutation'
      ? await page.request.post(`/api/trpc/${path}`, { data: envelope, headers: { 'content-type': 'application/json' } })
      : await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(envelope)}`);
  const body: unknown = await response.json();
  const data = isRecord(body) && isRecord(body.result) && isRecord(body.result.data) ? body.result.data.json : undefined;
  if (!response.ok() || !isRecord(data)) throw new Error(`${path} failed (${response.status()}): ${JSON.stringify(body)}`);
  return data;
}

function rsaKeyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** The base64 body of a PEM, to check that no part of a secret reached the page. */
function pemBody(pem: string): string {
  return pem.split('\n').filter((line) => line && !line.startsWith('-----')).join('').slice(0, 64);
}

describe('merchant onboarding', () => {
  it('a company admin opens a merchant, activates a sandbox and a live Alipay channel, grants an app, and the audit log shows it', async () => {
    const suffix = randomBytes(3).toString('hex');

    // The platform admin sets up the company, its admin and a business app.
    const platform = await newPage(browser);
    await signIn(platform.page, { email: platformAdmin.email, password: platformAdmin.password });
    const company = await trpc(platform.page, 'mutation', 'companies.create', { name: `E2E 阳光物业 ${suffix}` });
    const companyAdminEmail = `e2e-company-admin-${suffix}@paycenter.test`;
    const created = await trpc(platform.page, 'mutation', 'users.create', {
      email: companyAdminEmail,
      name: '王经理',
      role: 'COMPANY_ADMIN',
      companyId: company.id,
    });
    const temporaryPassword = created.temporaryPassword;
    expect(typeof temporaryPassword).toBe('string');
    const registered = await trpc(platform.page, 'mutation', 'apps.register', { name: `E2E 物业缴费 ${suffix}` });
    const app = registered.app;
    if (!isRecord(app) || typeof app.id !== 'string') throw new Error('apps.register returned no app');
    await platform.context.close();

    // The company admin signs in with the temporary password and opens a merchant.
    const { page, context } = await newPage(browser, { viewport: DESKTOP });
    await signIn(page, { email: companyAdminEmail, password: String(temporaryPassword) });
    await page.goto('/merchants');
    await page.getByTestId('open-create-merchant').click();
    const createDialog = page.getByTestId('create-merchant-dialog');
    await createDialog.getByLabel('商户名称').fill('阳光花园小区');
    await createDialog.getByLabel('描述（可选）').fill('一期、二期物业费');
    await createDialog.getByRole('button', { name: '开设商户' }).click();
    await page.waitForURL(/\/merchants\/mch_/);
    const merchantId = (await page.getByTestId('merchant-id').innerText()).trim();
    expect(merchantId).toMatch(/^mch_/);
    expect(page.url()).toContain(merchantId);

    const cards = page.getByTestId('channel-card');
    const activateForm = page.getByTestId('activate-channel-form');

    // A SANDBOX Alipay channel needs no parameters.
    await page.getByTestId('open-activate-channel').click();
    await activateForm.getByRole('radio', { name: '支付宝' }).check();
    await activateForm.getByRole('radio', { name: /^沙箱/ }).check();
    expect(await activateForm.getByLabel('应用私钥').count()).toBe(0);
    await activateForm.getByRole('button', { name: '开通', exact: true }).click();
    await cards.first().waitFor();
    const sandboxPaymentId = (await cards.first().getByTestId('payment-id').innerText()).trim();
    expect(sandboxPaymentId).toMatch(/^pay_/);
    expect(await cards.first().innerText()).toContain('沙箱');

    // A LIVE Alipay channel in public-key mode, first with a malformed private key.
    const appKeys = rsaKeyPair();
    const alipayKeys = rsaKeyPair();
    await page.getByTestId('open-activate-channel').click();
    await activateForm.getByRole('radio', { name: /^正式/ }).check();
    await activateForm.getByRole('radio', { name: '公钥模式' }).check();
    await activateForm.getByLabel('APPID（应用 ID）').fill('2021001161683774');
    await activateForm.getByLabel('应用私钥').fill('-----BEGIN PRIVATE KEY-----\nnot really a key\n-----END PRIVATE KEY-----');
    await activateForm.getByLabel('支付宝公钥').fill(alipayKeys.publicKey);
    await activateForm.getByRole('button', { name: '开通', exact: true }).click();
    const summary = activateForm.getByTestId('form-error-summary');
    await summary.waitFor();
    const summaryText = await summary.innerText();
    expect(summaryText).toContain('应用私钥');
    expect(summaryText).toContain('not a valid RSA private key');
    const privateKeyField = activateForm.getByLabel('应用私钥');
    expect(await privateKeyField.getAttribute('aria-invalid')).toBe('true');
    const errorId = await privateKeyField.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${errorId?.split(' ').at(-1)}"]`).innerText()).toContain('not a valid RSA private key');
    expect(await cards.count()).toBe(1);
    await screenshot(page, 'merchant-channel-field-error');

    await privateKeyField.fill(appKeys.privateKey);
    await activateForm.getByRole('button', { name: '开通', exact: true }).click();
    await cards.nth(1).waitFor();
    const liveCard = cards.nth(1);
    const livePaymentId = (await liveCard.getByTestId('payment-id').innerText()).trim();
    expect(livePaymentId).toMatch(/^pay_/);
    expect(livePaymentId).not.toBe(sandboxPaymentId);
    expect(await liveCard.innerText()).toContain('新开通');
    expect(await liveCard.getByTestId('secret-set').innerText()).toMatch(/^已设置 · SHA256:[0-9a-f]{16}$/);

    // The merchant ID and both payment IDs are on the page; no part of the private key is.
    const pageText = await page.locator('main').innerText();
    for (const id of [merchantId, sandboxPaymentId, livePaymentId]) expect(pageText).toContain(id);
    expect(await page.content()).not.toContain(pemBody(appKeys.privateKey));

    // Editing is replace-only: identifiers come prefilled, secrets start empty and are kept when left so.
    await liveCard.getByRole('button', { name: '修改参数' }).click();
    const editForm = liveCard.getByTestId('edit-credentials-form');
    expect(await editForm.getByLabel('APPID（应用 ID）').inputValue()).toBe('2021001161683774');
    const keptKey = editForm.getByLabel('应用私钥');
    expect(await keptKey.inputValue()).toBe('');
    expect(await keptKey.getAttribute('placeholder')).toBe('留空则保持不变 (leave empty to keep)');
    await editForm.getByRole('button', { name: '保存参数' }).click();
    await editForm.waitFor({ state: 'detached' });

    // Grant the app the merchant.
    const grantForm = page.getByTestId('grant-app-form');
    await grantForm.getByLabel('选择应用').selectOption(app.id);
    await grantForm.getByRole('button', { name: '授权' }).click();
    await page.getByTestId(`row-${app.id}`).waitFor();

    await page.getByTestId('announcement').waitFor({ state: 'detached' });
    await screenshot(page, 'merchant-page-desktop');
    await page.setViewportSize(PHONE);
    await page.reload();
    await cards.nth(1).waitFor();
    await screenshot(page, 'merchant-page-phone');

    // The form offers only what each channel supports, and each channel's own parameters.
    await page.getByTestId('open-activate-channel').click();
    await activateForm.getByRole('radio', { name: '微信支付' }).check();
    expect(await activateForm.getByRole('checkbox').count()).toBe(5);
    expect(await activateForm.getByLabel('APIv3 密钥').getAttribute('type')).toBe('password');
    await screenshot(page, 'activate-wechatpay-form-phone');
    // In sandbox, WeChat Pay asks which of WeChat's verification modes the simulator should sign in.
    await activateForm.getByRole('radio', { name: /^沙箱/ }).check();
    expect(await activateForm.getByLabel('APIv3 密钥').count()).toBe(0);
    expect(await activateForm.getByRole('radio', { name: '微信支付公钥' }).isChecked()).toBe(true);
    await activateForm.getByRole('radio', { name: '平台证书' }).check();
    await activateForm.getByRole('radio', { name: /^正式/ }).check();
    expect(await activateForm.getByLabel('APIv3 密钥').count()).toBe(1);
    await activateForm.getByRole('radio', { name: '易支付' }).check();
    const easyPayMethods = await activateForm.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    expect(easyPayMethods).toEqual(['PC', 'WAP', 'QR']);
    await activateForm.getByRole('button', { name: '取消' }).click();

    // The audit log records each step, done by the company admin.
    const audit = await trpc(page, 'query', 'audit.list', { pageSize: 100 });
    const entries = Array.isArray(audit.items) ? audit.items.filter(isRecord) : [];
    const mine = entries.filter((entry) => entry.actorEmail === companyAdminEmail);
    const actions = mine.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'merchant.create')).toHaveLength(1);
    expect(actions.filter((action) => action === 'channel.activate')).toHaveLength(2);
    expect(actions.filter((action) => action === 'grant.create')).toHaveLength(1);
    const activated = mine.filter((entry) => entry.action === 'channel.activate').map((entry) => entry.targetId);
    expect(activated.sort()).toEqual([sandboxPaymentId, livePaymentId].sort());
    expect(mine.find((entry) => entry.action === 'merchant.create')?.targetId).toBe(merchantId);

    // Staff of the company see the same merchant read-only.
    const staffEmail = `e2e-staff-${suffix}@paycenter.test`;
    const staff = await trpc(page, 'mutation', 'users.create', { email: staffEmail, name: '李出纳', role: 'COMPANY_STAFF' });
    await page.setViewportSize(DESKTOP);
    await page.goto('/merchants');
    await page.getByTestId(`row-${merchantId}`).waitFor();
    await screenshot(page, 'merchants-list-desktop');
    await context.close();

    const staffSession = await newPage(browser, { viewport: DESKTOP });
    await signIn(staffSession.page, { email: staffEmail, password: String(staff.temporaryPassword) });
    await staffSession.page.goto('/merchants');
    await staffSession.page.getByRole('link', { name: '阳光花园小区' }).click();
    await staffSession.page.getByTestId('channel-card').nth(1).waitFor();
    const readOnly = staffSession.page.locator('main');
    expect(await readOnly.innerText()).toContain('你可以查看此商户');
    for (const action of ['open-activate-channel', 'channel-status-action', 'merchant-status-action', 'grant-app-form']) {
      expect(await staffSession.page.getByTestId(action).count(), action).toBe(0);
    }
    expect(await readOnly.getByRole('button', { name: /修改参数|吊销|撤销授权/ }).count()).toBe(0);
    await screenshot(staffSession.page, 'merchant-page-read-only');
    await staffSession.context.close();

    // The platform admin sees every company's merchants, and picks the company when opening one.
    const platformAgain = await newPage(browser, { viewport: DESKTOP });
    await signIn(platformAgain.page, { email: platformAdmin.email, password: platformAdmin.password });
    await platformAgain.page.goto('/merchants');
    const row = platformAgain.page.getByTestId(`row-${merchantId}`);
    await row.waitFor();
    expect(await row.innerText()).toContain(String(company.name));
    await platformAgain.page.getByTestId('open-create-merchant').click();
    const companySelect = platformAgain.page.getByTestId('create-merchant-dialog').getByLabel('物业公司');
    await companySelect.locator(`option[value="${String(company.id)}"]`).waitFor({ state: 'attached' });
    await screenshot(platformAgain.page, 'create-merchant-platform-admin');
    await platformAgain.context.close();
  });
});
