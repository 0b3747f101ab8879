// Where the simulated user meets a trade: the QR code content (code_url), the H5 cashier (h5_url) and
// the WeChat client's payment sheet for a prepay_id (JSAPI, mini program, APP).
import { createHash } from 'node:crypto';
import { env } from '@/server/config/env';
import { SIMULATOR_PREFIX } from './verify-request';

const CODE_URL_PREFIX = 'weixin://wxpay/bizpayurl?pr=';

export type PayPage = 'scan' | 'h5' | 'jsapi';

export const payPagePath = (page: PayPage, key: string) => `${SIMULATOR_PREFIX}/${page}/${encodeURIComponent(key)}`;

export const codeUrl = (payToken: string) => `${CODE_URL_PREFIX}${payToken}`;

/**
 * Absolute: the merchant sends the user's browser there. Like WeChat's it already has a query string,
 * so a merchant appends `&redirect_url=…` as WeChat's H5 guide says. Derived from the trade only, so
 * a repeated order answers the same URL.
 */
export function h5Url(payToken: string, prepayId: string): string {
  const packageNo = createHash('sha256').update(payToken).digest().readUInt32BE(0);
  return `${env().PAYCENTER_BASE_URL}${payPagePath('h5', payToken)}?prepay_id=${prepayId}&package=${packageNo}`;
}

/** Where the H5 cashier sends the browser afterwards: the merchant's redirect_url, if it is a web address. */
export function safeRedirectUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The token of a code_url, or null for anything else. */
export function tokenOfCodeUrl(content: string): string | null {
  return content.startsWith(CODE_URL_PREFIX) ? content.slice(CODE_URL_PREFIX.length) || null : null;
}

/** The token of an h5_url (whatever host it was reached by, with any redirect_url appended), or null. */
export function tokenOfH5Url(url: string): string | null {
  try {
    const prefix = `${SIMULATOR_PREFIX}/h5/`;
    const { pathname } = new URL(url);
    return pathname.startsWith(prefix) ? decodeURIComponent(pathname.slice(prefix.length)) || null : null;
  } catch {
    return null;
  }
}
