// Request bodies are JSON checked field by field; WeChat names the first bad field by its JSON path.
import { z } from 'zod';
import { WechatpayApiError, paramError } from './api-error';

export function parseBody<T extends z.ZodType>(schema: T, body: string): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new WechatpayApiError(400, 'PARAM_ERROR', '请求体不是合法的 JSON');
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw paramError(issue?.path.join('/') ?? '', issue?.message ?? '无效');
}

/** At most `max` bytes of UTF-8 (WeChat counts bytes, so 127 bytes hold 42 Chinese characters). */
export const utf8Text = (min: number, max: number) =>
  z.string({ error: '必须是字符串' }).refine((text) => text.length >= min && Buffer.byteLength(text) <= max, { error: `长度须在 ${min} 到 ${max} 字节之间` });

/** WeChat's amounts are int32 fen. */
export const positiveFen = z
  .number({ error: '必须是整数（单位：分）' })
  .int({ error: '必须是整数（单位：分）' })
  .min(1, { error: '必须大于 0' })
  .max(2_147_483_647, { error: '超过最大金额' });

export const currency = z.literal('CNY', { error: '只支持 CNY' }).default('CNY');

export const notifyUrl = z.string({ error: '必须是字符串' }).max(255, { error: '不能超过 255 个字符' }).refine(
  (text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' && url.hash === '';
    } catch {
      return false;
    }
  },
  { error: '必须是可访问的 http(s) URL，且不能携带参数' },
);
