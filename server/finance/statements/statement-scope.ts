import { findGrantedMerchant } from '@/server/core/access/resolve-payment-channel';
import { dayRange, type DayRange } from './statement-query';

/** Whose items a statement holds: one app's own money of one merchant on one Beijing day. */
export interface StatementScope {
  appId: string;
  merchantId: string;
  day: DayRange;
}

/**
 * The scope of a statement once the merchant is known to be granted to the app (a disabled merchant's
 * books still close, so only the grant is checked; an unknown merchant is not granted either).
 */
export async function statementScope(options: { appId: string; merchantId: string; date: string }): Promise<StatementScope> {
  await findGrantedMerchant({ app: { id: options.appId }, merchantId: options.merchantId });
  return { appId: options.appId, merchantId: options.merchantId, day: dayRange(options.date) };
}
