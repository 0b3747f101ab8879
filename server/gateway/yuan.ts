// Fen (integers, used everywhere inside) <-> the yuan strings channels speak (Alipay "10.00", EasyPay
// "1.00"), by string handling only: no float ever touches an amount.

export class YuanAmountError extends Error {
  override name = 'YuanAmountError';
}

/** 100,000,000.00 yuan, the most any of our channels accepts in one transaction. */
export const MAX_FEN = 10_000_000_000;

const YUAN = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/;
const MAX_WHOLE_DIGITS = String(MAX_FEN).length - 2;

export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > MAX_FEN) {
    throw new YuanAmountError(`${fen} is not a whole number of fen from 0 to ${MAX_FEN} (the channels' maximum)`);
  }
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function yuanToFen(yuan: string): number {
  const match = YUAN.exec(yuan);
  if (!match) {
    throw new YuanAmountError(`${JSON.stringify(yuan.slice(0, 40))} is not a yuan amount: plain non-negative yuan with at most two decimals, like "10.00"`);
  }
  const [, whole = '', decimals = ''] = match;
  // Checking the digit count first keeps the integer below exact.
  const fen = whole.length > MAX_WHOLE_DIGITS ? null : Number(whole + decimals.padEnd(2, '0'));
  if (fen === null || fen > MAX_FEN) throw new YuanAmountError(`${yuan.slice(0, 40)} yuan is above the channels' maximum of 100000000.00`);
  return fen;
}
