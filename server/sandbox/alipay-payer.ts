import { failAlipayTrade, payAlipayTrade } from './alipay';
import { openAlipayAction } from './open-alipay-action';
import type { SandboxPayer } from './sandbox-payer';

export const alipaySandboxPayer: SandboxPayer = {
  // The trade closes, and Alipay announces TRADE_CLOSED.
  failureReported: 'NOTIFICATION',
  async pay({ accountId, serialNo, action, gatewayBase }) {
    if (action) await openAlipayAction(action, gatewayBase);
    await payAlipayTrade({ appId: accountId, outTradeNo: serialNo });
  },
  async fail({ accountId, serialNo, action, gatewayBase }) {
    if (action) await openAlipayAction(action, gatewayBase);
    await failAlipayTrade({ appId: accountId, outTradeNo: serialNo });
  },
};
