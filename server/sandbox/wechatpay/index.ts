// The WeChat Pay simulator's entry points for the rest of PayCenter.
export { handleWechatpayApi } from './handle-api';
export { openWechatpayPayment, type WechatpayPaymentView } from './payment-page';
export { payWechatpayTrade, failWechatpayTrade } from './pay-trade';
export { deliverDueWechatpayNotifications, WECHATPAY_NOTIFY_RETRY_DELAYS_MS } from './notifications';
export { sandboxPlatformCertificate } from './platform-certificate';
export { wechatpaySandboxPayer } from './sandbox-payer';
export type { WechatpayTradeSelector } from './trade-selector';
