// The EasyPay simulator's entry points for the rest of PayCenter.
export { handleEasypaySubmit } from './handle-submit';
export { handleEasypayMapi } from './handle-mapi';
export { handleEasypayApi } from './handle-api';
export { openEasypayPayPage, type EasypayPayPageView } from './pay-page';
export { payEasypayTrade, cancelEasypayTrade, type EasypayTradeSelector, type PaidEasypayTrade } from './pay-trade';
export { deliverDueEasypayNotifications, EASYPAY_NOTIFY_RETRY_DELAYS_MS } from './deliver-notifications';
export { easypaySandboxPayer } from './sandbox-payer';
