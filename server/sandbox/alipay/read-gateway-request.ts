// The SDK puts the common parameters in the query string and the rest (biz_content, alipay_sdk) in a
// form-urlencoded or multipart body; page methods may also arrive as one GET URL. Alipay reads them together.
import { FormParamsError, parseFormParams } from '@/server/gateway/form-params';
import { AlipayGatewayError } from './gateway-error';

const MAX_BODY_BYTES = 1024 * 1024;

async function bodyParams(request: Request): Promise<Record<string, string>> {
  if (request.method !== 'POST') return {};
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const params: Record<string, string> = {};
    for (const [name, value] of await request.formData()) {
      // Files (image uploads) are not part of any method we simulate; only text fields are signed.
      if (typeof value === 'string') params[name] = value;
    }
    return params;
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AlipayGatewayError('40002', 'isv.invalid-parameter', '请求体过大');
  return parseFormParams(text);
}

/** All request parameters; a name given twice (query and body) is refused rather than guessed. */
export async function readGatewayParams(request: Request): Promise<Record<string, string>> {
  try {
    const url = new URL(request.url);
    const query = parseFormParams(url.search.slice(1));
    const body = await bodyParams(request);
    const repeated = Object.keys(body).find((name) => Object.hasOwn(query, name));
    if (repeated) throw new FormParamsError(`parameter "${repeated}" appears more than once`);
    return Object.fromEntries([...Object.entries(query), ...Object.entries(body)]);
  } catch (error) {
    if (error instanceof FormParamsError) throw new AlipayGatewayError('40002', 'isv.invalid-parameter', error.message);
    throw error;
  }
}
