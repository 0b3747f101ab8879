// epay (PHP) reads $_REQUEST: the query string and a form body together, form-decoded.
import { FormParamsError as FormError, parseFormParams } from '@/server/gateway/form-params';
import { badRequest } from './gateway-error';

const MAX_BODY_BYTES = 64 * 1024;

/** All parameters; a name given twice (query and body) is refused rather than guessed. */
export async function readEasypayParams(request: Request): Promise<Record<string, string>> {
  try {
    const query = parseFormParams(new URL(request.url).search.slice(1));
    const text = request.method === 'POST' ? await request.text() : '';
    if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw badRequest('请求体过大');
    const body = parseFormParams(text);
    const repeated = Object.keys(body).find((name) => Object.hasOwn(query, name));
    if (repeated) throw badRequest(`参数 ${repeated} 重复`);
    return { ...query, ...body };
  } catch (error) {
    if (error instanceof FormError) throw badRequest(error.message);
    throw error;
  }
}
