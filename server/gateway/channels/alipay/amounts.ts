// Fen (integers, used everywhere inside) <-> Alipay's yuan strings ("10.00"), by string handling only:
// no float ever touches an amount.

export class AlipayAmountError extends Error {
  override name = 'AlipayAmountError';
}

/** 100,000,000.00 yuan, the most Alipay accepts in one transaction. */
export const ALIPAY_MAX_FEN = 10_000_000_000;

const YUAN = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/;
const MAX_WHOLE_DIGITS = String(ALIPAY_MAX_FEN).length - 2;

export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > ALIPAY_MAX_FEN) {
    throw new AlipayAmountError(`${fen} is not a whole number of fen from 0 to ${ALIPAY_MAX_FEN} (Alipay's maximum)`);
  }
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function yuanToFen(yuan: string): number {
  const match = YUAN.exec(yuan);
  if (!match) {
    throw new AlipayAmountError(`${JSON.stringify(yuan.slice(0, 40))} is not an Alipay amount: plain non-negative yuan with at most two decimals, like "10.00"`);
  }
  const [, whole = '', decimals = ''] = match;
  // Checking the digit count first keeps the integer below exact.
  const fen = whole.length > MAX_WHOLE_DIGITS ? null : Number(whole + decimals.padEnd(2, '0'));
  if (fen === null || fen > ALIPAY_MAX_FEN) throw new AlipayAmountError(`${yuan.slice(0, 40)} yuan is above Alipay's maximum of 100000000.00`);
  return fen;
}
