// biz_content checks shared by the methods: Alipay answers ACQ.INVALID_PARAMETER naming the field.
import { z } from 'zod';
import { YuanAmountError, yuanToFen } from '@/server/gateway/yuan';
import { invalidParameter } from './gateway-error';

export function parseBiz<T extends z.ZodType>(schema: T, bizContent: unknown): z.infer<T> {
  const result = schema.safeParse(bizContent);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw invalidParameter(`${issue?.path.join('.') || 'biz_content'} ${issue?.message ?? ''}`.trim());
}

/** A positive yuan amount with at most two decimals, in fen. */
export function positiveFen(field: string, yuan: string): number {
  try {
    const fen = yuanToFen(yuan);
    if (fen > 0) return fen;
  } catch (error) {
    if (!(error instanceof YuanAmountError)) throw error;
  }
  throw invalidParameter(`${field} 必须是大于 0、最多两位小数的金额（元），如 "10.00"`);
}

/** Alipay: 64 characters at most, letters, digits and underscores (dashes are accepted in practice). */
export const outTradeNo = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '只能由字母、数字、下划线组成，且不超过 64 个字符' });

/** Methods that address an existing trade name it by trade_no or out_trade_no. */
export const tradeRef = z.looseObject({ trade_no: z.string().min(1).optional(), out_trade_no: z.string().min(1).optional() });
