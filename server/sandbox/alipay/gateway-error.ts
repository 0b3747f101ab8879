// Alipay's error answers: a public `code`/`msg` pair and the `sub_code`/`sub_msg` that say why.

const MESSAGES = {
  '20000': 'Service Currently Unavailable',
  '40001': 'Missing Required Arguments',
  '40002': 'Invalid Arguments',
  '40003': 'Insufficient Conditions',
  '40004': 'Business Failed',
} as const;

export type AlipayErrorCode = keyof typeof MESSAGES;

export class AlipayGatewayError extends Error {
  override name = 'AlipayGatewayError';

  constructor(
    readonly code: AlipayErrorCode,
    readonly subCode: string,
    readonly subMsg: string,
  ) {
    super(`${code} ${subCode}: ${subMsg}`);
  }

  toPayload(): Record<string, string> {
    return { code: this.code, msg: MESSAGES[this.code], sub_code: this.subCode, sub_msg: this.subMsg };
  }
}

/** A business failure (code 40004), e.g. ACQ.TRADE_NOT_EXIST. */
export function businessError(subCode: string, subMsg: string): AlipayGatewayError {
  return new AlipayGatewayError('40004', subCode, subMsg);
}

export const tradeNotExist = () => businessError('ACQ.TRADE_NOT_EXIST', '交易不存在');
export const invalidParameter = (detail: string) => businessError('ACQ.INVALID_PARAMETER', `参数无效: ${detail}`);
