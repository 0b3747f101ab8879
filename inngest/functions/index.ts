import type { InngestFunction } from 'inngest';
import { purgeApiNonces } from './api-nonces';
import { expireDuePaymentsJob, queryDuePaymentsJob, queryDueRefundsJob, refundDueDuplicatesJob } from './payments';
import { retrySandboxAlipayNotifications, retrySandboxEasypayNotifications, retrySandboxWechatpayNotifications } from './sandbox';
import { refreshWechatpayCertificatesJob } from './wechatpay-certificates';
import { deliverDueWebhooksJob, webhookRetriesJob } from './webhooks';

/**
 * Every durable workflow PayCenter serves, grouped per domain in this folder. The Inngest route
 * serves exactly this list.
 */
export const functions: InngestFunction.Any[] = [retrySandboxAlipayNotifications, retrySandboxEasypayNotifications, retrySandboxWechatpayNotifications, purgeApiNonces, queryDuePaymentsJob, expireDuePaymentsJob, queryDueRefundsJob, refundDueDuplicatesJob, deliverDueWebhooksJob, webhookRetriesJob, refreshWechatpayCertificatesJob];
