// A bill's amount cells, read exactly or refused with the line and column they came from.
import { YuanAmountError, yuanToFen } from '@/server/gateway/yuan';
import { billError, type BillPlace } from './bill-error';
import { ZERO, parseDecimal, type Decimal } from './decimal';

/** A signed yuan amount ("-0.01" on Alipay's refund lines) in fen, through the gateway's string conversion. */
export function billFen(text: string, place: BillPlace): number {
  const negative = text.startsWith('-');
  try {
    const fen = yuanToFen(negative ? text.slice(1) : text);
    return negative ? -fen : fen;
  } catch (error) {
    if (error instanceof YuanAmountError) throw billError(error.message, place);
    throw error;
  }
}

/** A decimal at the bill's own precision (fees: "0.00006"); an empty cell is zero. */
export function billDecimal(text: string, place: BillPlace): Decimal {
  if (text === '') return ZERO;
  const value = parseDecimal(text);
  if (!value) throw billError(`${JSON.stringify(text.slice(0, 40))} is not an amount`, place);
  return value;
}

/** A fee cell as written, once it is known to be a number. */
export function billFee(text: string, place: BillPlace): string {
  billDecimal(text, place);
  return text;
}
