// Gateway answers as Alipay writes them: `{"<method>_response":{...},"sign":"..."}`, the sign covering the
// exact text of the response object, and in certificate mode `"alipay_cert_sn"` naming the signer. Like
// Alipay we escape `/` as `\/`, so a client that verifies a re-serialised object instead of the raw bytes
// fails here as it would in production.
import type { SimulatorSigner } from './simulator-signature';

/** An answer's fields: strings, or lists of records of strings (settle.query's royalty_detail_list). */
export type AlipayPayload = Readonly<Record<string, string | ReadonlyArray<Readonly<Record<string, string>>>>>;

export function alipayJsonResponse(responseKey: string, payload: AlipayPayload, signer: SimulatorSigner): Response {
  const signed = JSON.stringify(payload).replaceAll('/', '\\/');
  const certSn = signer.certSn ? `,"alipay_cert_sn":${JSON.stringify(signer.certSn)}` : '';
  const body = `{${JSON.stringify(responseKey)}:${signed}${certSn},"sign":${JSON.stringify(signer.sign(signed))}}`;
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json;charset=utf-8' } });
}
