// WeChat Pay v3 error answers: an HTTP status and `{"code": "...", "message": "...", "detail"?: {...}}`.

export class WechatpayApiError extends Error {
  override name = 'WechatpayApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: { field: string; location: 'body' | 'query' | 'path' | 'header' },
  ) {
    super(message);
  }

  toBody(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

export const signError = (message: string) => new WechatpayApiError(401, 'SIGN_ERROR', message);

/** A field WeChat's schema check refuses, named by its JSON path as WeChat does. */
export const paramError = (field: string, message: string, location: 'body' | 'query' | 'path' = 'body') =>
  new WechatpayApiError(400, 'PARAM_ERROR', `输入源“/${location}/${field}”校验失败：${message}`, { field, location });

export const invalidRequest = (message: string) => new WechatpayApiError(400, 'INVALID_REQUEST', message);
export const orderNotExist = () => new WechatpayApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
export const resourceNotExists = (message: string) => new WechatpayApiError(404, 'RESOURCE_NOT_EXISTS', message);
