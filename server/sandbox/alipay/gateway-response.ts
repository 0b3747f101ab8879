// Gateway answers as Alipay writes them: `{"<method>_response":{...},"sign":"..."}`, the sign covering the
// exact text of the response object. Like Alipay we escape `/` as `\/`, so a client that verifies a
// re-serialised object instead of the raw bytes fails here as it would in production.
import { simulatorSign } from './simulator-signature';

/** An answer's fields: strings, or lists of records of strings (settle.query's royalty_detail_list). */
export type AlipayPayload = Readonly<Record<string, string | ReadonlyArray<Readonly<Record<string, string>>>>>;

export async function alipayJsonResponse(responseKey: string, payload: AlipayPayload): Promise<Response> {
  const signed = JSON.stringify(payload).replaceAll('/', '\\/');
  const sign = await simulatorSign(signed);
  const body = `{${JSON.stringify(responseKey)}:${signed},"sign":${JSON.stringify(sign)}}`;
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json;charset=utf-8' } });
}
