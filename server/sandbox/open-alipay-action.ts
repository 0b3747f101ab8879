import type { ChannelAction } from '@/server/contract/action';
import { handleAlipayGateway, openAlipayCashier } from './alipay';
import { CASHIER_PATH } from './alipay/cashier-url';

/**
 * The simulated user opens what the center answered (follows the page-pay redirect, opens the app's
 * order string, scans the QR code), so the simulated Alipay knows the trade as real Alipay would.
 */
export async function openAlipayAction(action: ChannelAction, gatewayBase: string): Promise<void> {
  switch (action.type) {
    case 'REDIRECT':
      await handleAlipayGateway(new Request(action.url));
      return;
    case 'FORM':
      return;
    case 'QR_CODE': {
      const tradeNo = decodeURIComponent(new URL(action.content).pathname.slice(CASHIER_PATH.length + 1));
      await openAlipayCashier(tradeNo);
      return;
    }
    case 'SDK_PARAMS':
      if (action.params.orderString) await handleAlipayGateway(new Request(`${gatewayBase}/gateway.do?${action.params.orderString}`));
      return;
  }
}
