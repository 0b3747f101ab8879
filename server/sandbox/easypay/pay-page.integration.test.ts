// The simulated pay page as the server renders it: SANDBOX banner, merchant, amount, Pay / Cancel,
// then the paid state.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import EasypayPayPage from '@/app/sandbox/easypay/pay/[tradeNo]/page';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { db } from '@/server/db/client';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { createEasypayTrade } from './create-trade';
import { findEasypayMerchant } from './merchant';
import { payEasypayTrade } from './pay-trade';

const render = async (tradeNo: string) => renderToStaticMarkup(await EasypayPayPage({ params: Promise.resolve({ tradeNo }) }));

describe('the EasyPay pay page', () => {
  it('shows the order with a SANDBOX banner and Pay / Cancel, then its result once paid', async () => {
    const admin = await platformAdmin();
    const companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(admin)).id);
    const merchant = await createMerchant({ actor: companyAdmin, input: { name: '花园小区物业', description: null } });
    const channel = await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'EASYPAY', mode: 'SANDBOX', invokeMethods: ['PC'] } });
    const account = await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: channel.paymentId } });
    const params = { type: 'wxpay', out_trade_no: `P${Date.now()}`, notify_url: 'http://127.0.0.1:9/notify', name: '物业费 12 月 & 车位', money: '200.00' };
    const trade = await createEasypayTrade({ merchant: (await findEasypayMerchant(account.accountId))!, entry: 'submit.php', params, now: new Date() });

    const html = await render(trade.tradeNo);
    for (const text of ['沙箱 SANDBOX', '花园小区物业', '物业费 12 月 &amp; 车位', '200.00', '微信支付', params.out_trade_no, '确认付款', '取消']) expect(html).toContain(text);

    await payEasypayTrade({ tradeNo: trade.tradeNo });
    const paid = await render(trade.tradeNo);
    expect(paid).toContain('支付成功');
    expect(paid).not.toContain('确认付款');
  });
});
