// The simulated EasyPay user: opens what the center answered (follows the submit.php redirect, or
// opens the scanned code / payurl, which is the pay page of an order mapi.php already made), then pays
// or gives up. Giving up sends nothing: epay has no failed orders, the center closes the attempt at
// its expiry.
import type { ChannelAction } from '@/server/contract/action';
import { AppError } from '@/server/errors/app-error';
import type { SandboxPayer, SandboxPayOptions } from '../sandbox-payer';
import { handleEasypaySubmit } from './handle-submit';
import { cancelEasypayTrade, payEasypayTrade, type EasypayTradeSelector } from './pay-trade';
import { tradeNoOfPayPage } from './pay-page-url';

async function open(action: ChannelAction | null, options: SandboxPayOptions): Promise<EasypayTradeSelector> {
  const byOrder = { pid: options.accountId, outTradeNo: options.serialNo };
  if (!action) return byOrder;
  switch (action.type) {
    case 'REDIRECT': {
      const tradeNo = tradeNoOfPayPage(action.url);
      if (tradeNo) return { tradeNo };
      const response = await handleEasypaySubmit(new Request(action.url));
      if (response.status !== 302) throw new AppError('CONFLICT', `The EasyPay simulator refused the payment page: ${(await response.text()).replace(/<[^>]+>/g, ' ').trim().slice(0, 200)}`);
      return byOrder;
    }
    case 'QR_CODE': {
      const tradeNo = tradeNoOfPayPage(action.content);
      return tradeNo ? { tradeNo } : byOrder;
    }
    case 'FORM':
    case 'SDK_PARAMS':
      return byOrder;
  }
}

export const easypaySandboxPayer: SandboxPayer = {
  // Nor does the query tell a failure: epay orders are only unpaid or paid.
  failureReported: 'NEVER',
  async pay(options) {
    await payEasypayTrade(await open(options.action, options));
  },
  async fail(options) {
    await cancelEasypayTrade(await open(options.action, options));
  },
};
