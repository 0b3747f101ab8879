import { YuanAmountError, yuanToFen } from '@/server/gateway/yuan';
import { billError, type BillPlace } from './bill-error';

/** A bill's signed yuan amount ("-0.01" on Alipay's refund lines) in fen, through the gateway's string conversion. */
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
