import { generateKeyPairSync, sign as signWith, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { alipayCertSn } from '@/server/gateway/credentials/alipay-cert-sn';
import { rawJsonMembers } from './raw-json-members';
import { alipayResponseCertSn, alipayResponseKey, verifyAlipayResponse } from './response-signature';
import { anotherVectorKey, changeOneChar, responseVectors, vectorKey, type ResponseVector } from './test-vectors';

type Members = Array<[string, string]>;

function membersOf(text: string): Members {
  return [...rawJsonMembers(text)].map(([key, { start, end }]) => [key, text.slice(start, end)]);
}

/** A compact object from raw member texts: the vectors are compact, so rebuilding them unchanged gives the same bytes. */
function objectOf(members: Members): string {
  return `{${members.map(([key, raw]) => `${JSON.stringify(key)}:${raw}`).join(',')}}`;
}

/** The last character of a raw value that can change without breaking the JSON. */
function changeableIndex(raw: string): number {
  for (let index = raw.length - 1; index >= 0; index--) {
    if (!'"\\{}[],:'.includes(raw[index] ?? '"') && raw[index - 1] !== '\\') return index;
  }
  throw new Error(`nothing to change in ${raw}`);
}

/** The whole body, the method, and the signed text of a vector; the content-only vector is wrapped as its description suggests. */
function messageOf(vector: ResponseVector): { body: string; method: string; content: string } {
  const { raw_response_body: body, response_key: responseKey, signed_content: content, sign } = vector.inputs;
  if (body && responseKey) return { body, method: responseKey.replace(/_response$/, '').replaceAll('_', '.'), content: vector.expected.signed_content ?? '' };
  if (!content || !sign) throw new Error(`${vector.file} holds no message`);
  return { body: objectOf([['alipay_trade_pay_response', content], ['sign', JSON.stringify(sign)]]), method: 'alipay.trade.pay', content };
}

describe('verifyAlipayResponse on the genuine vectors', () => {
  it('covers every response vector', () => {
    expect(responseVectors).toHaveLength(8);
  });

  describe.each(responseVectors.map((vector) => [vector.file, vector] as const))('%s', (_file, vector) => {
    const key = vectorKey(vector);
    const { body, method, content } = messageOf(vector);
    const responseKey = alipayResponseKey(method);
    const top = membersOf(body);
    const inner = membersOf(content);
    const check = (candidate: string | Uint8Array) => verifyAlipayResponse(candidate, method, [key]);
    const withContent = (signed: string) => objectOf(top.map(([name, raw]) => [name, name === responseKey ? signed : raw]));
    const withTop = (edit: (members: Members) => Members) => objectOf(edit(top));

    it('verifies with its published key or certificate, on the exact signed text', () => {
      expect(objectOf(top)).toBe(body);
      expect(objectOf(inner)).toBe(content);
      expect(top.find(([name]) => name === responseKey)?.[1]).toBe(content);
      expect(check(body)).toEqual({
        ok: true,
        payload: JSON.parse(content),
        key,
        ...(vector.inputs.alipay_cert_sn_in_body ? { certSn: vector.inputs.alipay_cert_sn_in_body } : {}),
      });
      expect(check(new TextEncoder().encode(body)).ok).toBe(true);
      // Read without verifying, for choosing (or downloading) the certificate to verify with.
      expect(alipayResponseCertSn(body)).toBe(vector.inputs.alipay_cert_sn_in_body || undefined);
    });

    it('is rejected once the signed JSON is re-serialised', () => {
      const compact = JSON.stringify(JSON.parse(content));
      if (compact !== content) expect(check(withContent(compact))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
      expect(check(withContent(JSON.stringify(JSON.parse(content), null, 1)))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    });

    it.each(inner.map(([name]) => name))('is rejected when %s changes by one character', (name) => {
      const changed = inner.map(([member, raw]): [string, string] => [member, member === name ? changeOneChar(raw, changeableIndex(raw)) : raw]);
      expect(check(withContent(objectOf(changed)))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    });

    it.each(inner.map(([name]) => name))('is rejected without %s', (name) => {
      expect(check(withContent(objectOf(inner.filter(([member]) => member !== name))))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    });

    it('is rejected with a field added to the signed JSON', () => {
      expect(check(withContent(objectOf([...inner, ['sub_code', '"ACQ.TRADE_NOT_EXIST"']])))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    });

    it('is rejected when the sign is altered, missing, or the response is missing', () => {
      const sign = JSON.parse(top.find(([name]) => name === 'sign')?.[1] ?? '""') as string;
      for (const index of [0, sign.length >> 1, sign.length - 3, sign.length - 1]) {
        const altered = withTop((members) => members.map(([name, raw]) => [name, name === 'sign' ? JSON.stringify(changeOneChar(sign, index)) : raw]));
        expect(check(altered)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
      }
      expect(check(withTop((members) => members.filter(([name]) => name !== 'sign')))).toEqual({ ok: false, reason: 'MISSING_SIGN' });
      expect(check(withTop((members) => members.filter(([name]) => name !== responseKey)))).toEqual({ ok: false, reason: 'MISSING_RESPONSE' });
      expect(verifyAlipayResponse(body, 'alipay.trade.close', [key])).toEqual({ ok: false, reason: 'MISSING_RESPONSE' });
    });

    it('accepts the sign with escaped slashes, as a JSON encoder may write it', () => {
      const escaped = withTop((members) => members.map(([name, raw]) => [name, name === 'sign' ? raw.replaceAll('/', '\\/') : raw]));
      expect(check(escaped).ok).toBe(true);
    });

    it('is rejected by another key, and found among several trusted keys', () => {
      const other = anotherVectorKey(vector);
      expect(verifyAlipayResponse(body, method, [other])).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
      expect(verifyAlipayResponse(body, method, [])).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
      expect(verifyAlipayResponse(body, method, [other, key])).toMatchObject({ ok: true, key });
    });

    it('signs nothing outside the response object: alipay_cert_sn and other top-level members are reported, not covered', () => {
      const claimed = '0123456789abcdef0123456789abcdef';
      const others = top.filter(([name]) => name !== 'alipay_cert_sn');
      const result = check(objectOf([...others, ['alipay_cert_sn', JSON.stringify(claimed)], ['extra', '1']]));
      expect(result).toMatchObject({ ok: true, payload: JSON.parse(content), certSn: claimed });
    });

    it.each(vector.negative_cases.filter((negative) => negative.signed_content).map((negative) => [negative.description, negative.signed_content ?? ''] as const))(
      'rejects the published negative case: %s',
      (_description, signed) => {
        expect(check(withContent(signed))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
      },
    );

    if (vector.key_mode === 'certificate') {
      it('names the SN of the certificate that verifies it', () => {
        const certificate = new X509Certificate(vector.inputs.alipay_public_cert_pem ?? '');
        expect(alipayCertSn(certificate)).toBe(vector.inputs.alipay_cert_sn_in_body);
      });
    }
  });

  it('rejects the published negative case of the content-only vector: total_amount 0.01 -> 0.02', () => {
    const vector = responseVectors.find((candidate) => candidate.kind === 'gateway-v2-response-content');
    if (!vector) throw new Error('the content-only vector is missing');
    const { body, method } = messageOf(vector);
    const altered = body.replace('"total_amount":"0.01"', '"total_amount":"0.02"');
    expect(altered).not.toBe(body);
    expect(verifyAlipayResponse(altered, method, [vectorKey(vector)])).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });
});

describe('verifyAlipayResponse', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signOf = (content: string) => signWith('sha256', Buffer.from(content), privateKey).toString('base64');
  const method = 'alipay.trade.query';

  it('verifies a signed error_response the same way', () => {
    const content = '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id","sub_msg":"无效的AppID参数"}';
    const result = verifyAlipayResponse(`{"error_response":${content},"sign":"${signOf(content)}"}`, method, [publicKey]);
    expect(result).toEqual({ ok: true, payload: JSON.parse(content), key: publicKey });
    expect(verifyAlipayResponse(`{"error_response":${content}}`, method, [publicKey])).toEqual({ ok: false, reason: 'MISSING_SIGN' });
  });

  it("prefers the method's own response to error_response", () => {
    const content = '{"code":"10000","msg":"Success"}';
    const body = `{"error_response":{"code":"40004"},"alipay_trade_query_response":${content},"sign":"${signOf(content)}"}`;
    expect(verifyAlipayResponse(body, method, [publicKey])).toMatchObject({ ok: true, payload: { code: '10000' } });
  });

  it('verifies the value exactly as written, whitespace and tricky strings included', () => {
    const content = '{ "code" : "10000",\n "msg":"a \\"}\\" \\\\", "list":[{"x":"]"}] }';
    const body = `{\n  "alipay_trade_query_response" : ${content} ,\n  "sign" : "${signOf(content)}"\n}\n`;
    expect(verifyAlipayResponse(body, method, [publicKey])).toMatchObject({ ok: true, payload: { msg: 'a "}" \\' } });
  });

  it('refuses bodies whose reading could differ from what was verified', () => {
    const content = '{"code":"10000"}';
    const sign = signOf(content);
    for (const body of [
      `{"alipay_trade_query_response":${content},"sign":"${sign}","sign":"x"}`,
      `{"alipay_trade_query_response":${content},"sign":"${sign}","\\u0073ign":"x"}`,
      `{"alipay_trade_query_response":{"code":"40004"},"alipay_trade_query_response":${content},"sign":"${sign}"}`,
      `{"alipay_trade_query_response":${content},"sign":"${sign}"`,
      `[{"alipay_trade_query_response":${content},"sign":"${sign}"}]`,
      `{"alipay_trade_query_response":"${content}","sign":"${sign}"}`,
    ]) {
      expect(verifyAlipayResponse(body, method, [publicKey])).toEqual({ ok: false, reason: 'MALFORMED_BODY' });
    }
    expect(verifyAlipayResponse(Uint8Array.from([0x7b, 0xff, 0x7d]), method, [publicKey])).toEqual({ ok: false, reason: 'MALFORMED_BODY' });
  });

  it('needs the sign to be a string', () => {
    expect(verifyAlipayResponse('{"alipay_trade_query_response":{},"sign":1}', method, [publicKey])).toEqual({ ok: false, reason: 'MISSING_SIGN' });
  });

  it('reads the alipay_cert_sn an answer names, only from a readable body and only as a string', () => {
    expect(alipayResponseCertSn('{"alipay_trade_query_response":{},"alipay_cert_sn":"abc","sign":"x"}')).toBe('abc');
    expect(alipayResponseCertSn('{"alipay_trade_query_response":{},"alipay_cert_sn":1}')).toBeUndefined();
    expect(alipayResponseCertSn('{"alipay_trade_query_response":{}}')).toBeUndefined();
    expect(alipayResponseCertSn('not json')).toBeUndefined();
  });
});
