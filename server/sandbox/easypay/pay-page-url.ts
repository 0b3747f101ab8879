import { env } from '@/server/config/env';

export const PAY_PAGE_PATH = '/sandbox/easypay/pay';

/** Absolute, for QR codes scanned by another device. */
export function payPageUrl(tradeNo: string): string {
  return `${env().PAYCENTER_BASE_URL}${PAY_PAGE_PATH}/${encodeURIComponent(tradeNo)}`;
}

/** The trade a pay page URL (or a QR code holding one) names, or null. */
export function tradeNoOfPayPage(url: string): string | null {
  const path = URL.canParse(url) ? new URL(url).pathname : '';
  return path.startsWith(`${PAY_PAGE_PATH}/`) ? decodeURIComponent(path.slice(PAY_PAGE_PATH.length + 1)) : null;
}
