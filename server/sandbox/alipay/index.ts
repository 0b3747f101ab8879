// The Alipay simulator's entry points for the rest of PayCenter.
export { handleAlipayGateway } from './handle-gateway-request';
export { serveAlipayBill } from './bill/serve-bill';
export { openAlipayCashier, type CashierView } from './cashier';
export { payAlipayTrade, type PaidAlipayTrade } from './pay-trade';
export { failAlipayTrade } from './fail-trade';
export { deliverDueAlipayNotifications, ALIPAY_NOTIFY_RETRY_DELAYS_MS } from './deliver-notifications';
export { alipaySandboxEnabled } from './sandbox-enabled';
export { rotateAlipayCertificate } from './certificates/alipay-certificate-authority';
export type { AlipayTradeSelector } from './trade-selector';
