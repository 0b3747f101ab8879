// The simulated WeChat user: opens what the center answered — scans the code_url, opens the h5_url,
// or hands the prepay_id to the WeChat client — checks it leads to this very order, then pays or fails.
import { AppError } from '@/server/errors/app-error';
import type { ChannelAction } from '@/server/contract/action';
import type { SandboxPayer, SandboxPayOptions } from '@/server/sandbox/sandbox-payer';
import { openWechatpayPayment } from './payment-page';
import { failWechatpayTrade, payWechatpayTrade } from './pay-trade';
import { tokenOfCodeUrl, tokenOfH5Url } from './pay-urls';
import type { WechatpayTradeSelector } from './trade-selector';

function selectorOf(action: ChannelAction): WechatpayTradeSelector | null {
  switch (action.type) {
    case 'QR_CODE': {
      const token = tokenOfCodeUrl(action.content);
      return token ? { payToken: token } : null;
    }
    case 'REDIRECT': {
      const token = tokenOfH5Url(action.url);
      return token ? { payToken: token } : null;
    }
    case 'SDK_PARAMS': {
      // JSAPI / mini program: package "prepay_id=…"; APP: prepayid.
      const prepayId = action.params.prepayid ?? action.params.package?.replace(/^prepay_id=/, '');
      return prepayId ? { prepayId } : null;
    }
    case 'FORM':
      return null;
  }
}

async function open({ accountId, serialNo, action }: SandboxPayOptions): Promise<void> {
  if (!action) return;
  const selector = selectorOf(action);
  const view = selector && (await openWechatpayPayment(selector));
  if (!view || view.mchId !== accountId || view.outTradeNo !== serialNo) {
    throw new AppError('CONFLICT', `What the center answered (${action.type}) does not lead the WeChat user to order ${serialNo}.`);
  }
}

export const wechatpaySandboxPayer: SandboxPayer = {
  // PAYERROR is announced to nobody: only the query answers it.
  failureReported: 'QUERY',
  async pay(options) {
    await open(options);
    await payWechatpayTrade({ mchId: options.accountId, outTradeNo: options.serialNo });
  },
  async fail(options) {
    await open(options);
    await failWechatpayTrade({ mchId: options.accountId, outTradeNo: options.serialNo });
  },
};
