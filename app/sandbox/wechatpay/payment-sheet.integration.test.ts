import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWechatpayPayment } from '@/server/sandbox/wechatpay/payment-page';
import { payWechatpayTrade } from '@/server/sandbox/wechatpay/pay-trade';
import { tokenOfCodeUrl } from '@/server/sandbox/wechatpay/pay-urls';
import { startWechatpaySandbox, type RawOutput, type WechatpaySandboxHarness } from '@/server/sandbox/wechatpay/testing/wechatpay-sandbox-harness';
import { cancelAction, payAction } from './actions';
import { PaymentSheet } from './payment-sheet';

let sandbox: WechatpaySandboxHarness;
beforeAll(async () => {
  sandbox = await startWechatpaySandbox();
});
afterAll(async () => sandbox.server.close());

describe('the simulated payment page', () => {
  it('shows the scanned order with a SANDBOX banner and Pay / Cancel, then its result once paid', async () => {
    const outTradeNo = `P${Date.now()}`;
    const created = (await sandbox.sdk.transactions_native({ description: '物业费 12 月', out_trade_no: outTradeNo, notify_url: sandbox.notifyUrl, amount: { total: 20_000 } })) as unknown as RawOutput;
    const token = tokenOfCodeUrl((created.data as { code_url: string }).code_url)!;
    const view = (await openWechatpayPayment({ payToken: token }))!;
    const render = (current: typeof view) => renderToStaticMarkup(createElement(PaymentSheet, { page: 'scan', pageKey: token, view: current, redirectUrl: null, cancelled: false }));
    const html = render(view);
    for (const text of ['沙箱 SANDBOX', '物业费 12 月', '200.00', outTradeNo, '确认支付', '取消']) expect(html).toContain(text);

    await payWechatpayTrade({ payToken: token });
    const paid = render((await openWechatpayPayment({ payToken: token }))!);
    expect(paid).toContain('支付成功');
    expect(paid).not.toContain('确认支付');
    expect(await openWechatpayPayment({ payToken: 'no-such-token' })).toBeNull();
  });

  /** Where a server action sent the browser (Next's redirect() throws, naming the location in its digest). */
  async function redirectOf(action: Promise<void>): Promise<string> {
    const error = (await action.then(() => null, (e: unknown) => e)) as { digest?: string } | null;
    const [kind, , location] = error?.digest?.split(';') ?? [];
    expect(kind).toBe('NEXT_REDIRECT');
    return location!;
  }

  it("H5: paying or cancelling returns to the merchant's redirect_url, never to a non-web one", async () => {
    const outTradeNo = `H${Date.now()}`;
    const created = (await sandbox.sdk.transactions_h5({
      description: '水费',
      out_trade_no: outTradeNo,
      notify_url: sandbox.notifyUrl,
      amount: { total: 500 },
      scene_info: { payer_client_ip: '198.51.100.7', h5_info: { type: 'Wap' } },
    } as never)) as unknown as RawOutput;
    const token = new URL((created.data as { h5_url: string }).h5_url).pathname.split('/').at(-1)!;
    expect(await redirectOf(cancelAction('h5', token, 'javascript:alert(1)'))).toBe(`/sandbox/wechatpay/h5/${token}?cancelled=1`);
    expect((await openWechatpayPayment({ payToken: token }))!.state).toBe('NOTPAY');
    expect(await redirectOf(payAction('h5', token, 'https://merchant.example/back?order=1'))).toBe('https://merchant.example/back?order=1');
    expect((await openWechatpayPayment({ payToken: token }))!.state).toBe('SUCCESS');
  });
});
