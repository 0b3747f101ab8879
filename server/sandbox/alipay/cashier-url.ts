import { env } from '@/server/config/env';

export const CASHIER_PATH = '/sandbox/alipay/cashier';

/** Absolute, for QR codes scanned by another device. */
export function cashierUrl(tradeNo: string): string {
  return `${env().PAYCENTER_BASE_URL}${CASHIER_PATH}/${encodeURIComponent(tradeNo)}`;
}
