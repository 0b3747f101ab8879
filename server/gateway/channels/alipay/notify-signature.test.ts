import { generateKeyPairSync, sign as signWith, verify, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { alipayCertSn } from '@/server/gateway/credentials/alipay-cert-sn';
import { alipayNotifySignContent, notifyCertSn, verifyAlipayNotify } from './notify-signature';
import { parseFormParams } from '@/server/gateway/form-params';
import { anotherVectorKey, changeOneChar, notifyVectors, vectorKey, type NotifyVector } from './test-vectors';

function paramsOf(vector: NotifyVector): Record<string, string> {
  const params = vector.inputs.params ?? vector.inputs.params_decoded;
  if (!params) throw new Error(`${vector.file} has no parameters`);
  return params;
}

function without(params: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => key !== name));
}

const yuque = notifyVectors.find((vector) => vector.file === 'alipay-notify-trade-success-yuque.json');
if (!yuque) throw new Error('the yuque notify vector is missing');

describe('alipayNotifySignContent', () => {
  it.each(notifyVectors.map((vector) => [vector.file, vector] as const))('builds the published signed string of %s', (_file, vector) => {
    const includeSignType = vector.expected.sign_type_in_signed_string;
    expect(alipayNotifySignContent(paramsOf(vector), { includeSignType })).toBe(vector.expected.signed_string);
  });

  it('leaves out sign, sign_type unless asked, and empty values; keeps raw values', () => {
    const params = { sign: 's', sign_type: 'RSA2', b: 'a+b %2B', a: '[{"x":"1"}]', empty: '' };
    expect(alipayNotifySignContent(params, { includeSignType: false })).toBe('a=[{"x":"1"}]&b=a+b %2B');
    expect(alipayNotifySignContent(params, { includeSignType: true })).toBe('a=[{"x":"1"}]&b=a+b %2B&sign_type=RSA2');
  });

  it('sorts names by byte order (upper case and "_" before lower case)', () => {
    expect(alipayNotifySignContent({ b: '1', a_b: '2', aB: '3', a: '4', B: '5' }, { includeSignType: false })).toBe('B=5&a=4&aB=3&a_b=2&b=1');
  });
});

describe('verifyAlipayNotify on the genuine vectors', () => {
  it('covers every notify and return vector', () => {
    expect(notifyVectors).toHaveLength(5);
  });

  describe.each(notifyVectors.map((vector) => [vector.file, vector] as const))('%s', (_file, vector) => {
    const params = paramsOf(vector);
    const key = vectorKey(vector);
    const check = (candidate: Record<string, string>) => verifyAlipayNotify(candidate, [key]);

    it('verifies with its published key or certificate', () => {
      expect(check(params)).toEqual({ ok: true, key, signTypeIncluded: vector.expected.sign_type_in_signed_string });
    });

    it('verifies straight from its form-encoded body', () => {
      const body = vector.inputs.form_urlencoded_body_derived ?? vector.inputs.return_url_query ?? '';
      expect(check(parseFormParams(body)).ok).toBe(true);
    });

    it.each(Object.keys(params))('is rejected when %s changes by one character', (name) => {
      const value = params[name] ?? '';
      const reason = name === 'sign_type' ? 'UNSUPPORTED_SIGN_TYPE' : 'BAD_SIGNATURE';
      expect(check({ ...params, [name]: changeOneChar(value, value.length - 1) })).toEqual({ ok: false, reason });
    });

    it.each(Object.keys(params))('is rejected without %s', (name) => {
      const result = check(without(params, name));
      if (name === 'sign') expect(result).toEqual({ ok: false, reason: 'MISSING_SIGN' });
      // sign_type is outside the signature of trade notifies: dropping it changes nothing we rely on (RSA2 is assumed).
      else if (name === 'sign_type' && !vector.expected.sign_type_in_signed_string) expect(result.ok).toBe(true);
      else expect(result).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    });

    it('is rejected with a field added', () => {
      expect(check({ ...params, refund_fee: '0.01' })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
      expect(check({ ...params, alipay_cert_sn: 'a359aaadd01ceca03dbc07537da539b9' })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    });

    it('is rejected when the sign is altered anywhere, including bits base64 decoders ignore', () => {
      const sign = params.sign ?? '';
      for (const index of [0, sign.length >> 1, sign.length - 3, sign.length - 1]) {
        expect(check({ ...params, sign: changeOneChar(sign, index) }).ok).toBe(false);
      }
      const lastDataChar = sign.length - 3; // RSA-2048 signatures end in "x==": the low 4 bits of x are padding
      const sameTopBits = String.fromCharCode(sign.charCodeAt(lastDataChar) + 1);
      expect(Buffer.from(sign.slice(0, lastDataChar) + sameTopBits + '==', 'base64')).toEqual(Buffer.from(sign, 'base64'));
      expect(check({ ...params, sign: sign.slice(0, lastDataChar) + sameTopBits + '==' }).ok).toBe(false);
      expect(check({ ...params, sign: `${sign} ` }).ok).toBe(false);
      expect(check({ ...params, sign: sign.replaceAll('+', ' ') }).ok).toBe(false);
    });

    it('is rejected by another key, and found among several trusted keys', () => {
      const other = anotherVectorKey(vector);
      expect(verifyAlipayNotify(params, [other])).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
      expect(verifyAlipayNotify(params, [])).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
      expect(verifyAlipayNotify(params, [other, key])).toMatchObject({ ok: true, key });
    });

    it('refuses sign_type RSA (SHA1) before checking anything', () => {
      expect(check({ ...params, sign_type: 'RSA' })).toEqual({ ok: false, reason: 'UNSUPPORTED_SIGN_TYPE' });
    });

    it.each(vector.negative_cases.map((negative) => [negative.description, negative] as const))('rejects the published negative case: %s', (_description, negative) => {
      const altered = { ...params, ...negative.params_override };
      const construction = negative.construction ?? negative.construction_override;
      if (construction) {
        const content = alipayNotifySignContent(altered, { includeSignType: construction === 'include_sign_type' });
        expect(verify('sha256', Buffer.from(content), key, Buffer.from(altered.sign ?? '', 'base64'))).toBe(false);
      }
      // A construction-only case is about the signed string; the verifier itself tries both constructions.
      if (Object.keys(negative.params_override ?? {}).length > 0) expect(check(altered).ok).toBe(false);
    });
  });
});

describe('verifyAlipayNotify', () => {
  const params = paramsOf(yuque);
  const key = vectorKey(yuque);

  it('needs a sign', () => {
    expect(verifyAlipayNotify({ ...params, sign: '' }, [key])).toEqual({ ok: false, reason: 'MISSING_SIGN' });
  });

  it('accepts only RSA2 as sign_type', () => {
    for (const signType of ['RSA', 'rsa2', 'SHA256withRSA', '']) {
      expect(verifyAlipayNotify({ ...params, sign_type: signType }, [key])).toEqual({ ok: false, reason: 'UNSUPPORTED_SIGN_TYPE' });
    }
  });

  it('uses RSA keys only, never another algorithm of a trusted key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const content = alipayNotifySignContent(params, { includeSignType: false });
    const ecdsa = signWith('sha256', Buffer.from(content), ec.privateKey).toString('base64');
    expect(verifyAlipayNotify({ ...params, sign: ecdsa }, [ec.publicKey])).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });
});

describe('notifyCertSn', () => {
  it('reads alipay_cert_sn when a message carries one', () => {
    expect(notifyCertSn({ alipay_cert_sn: 'a359aaadd01ceca03dbc07537da539b9' })).toBe('a359aaadd01ceca03dbc07537da539b9');
    expect(notifyCertSn({ alipay_cert_sn: '' })).toBeUndefined();
  });

  it.each(notifyVectors.filter((vector) => vector.key_mode === 'certificate').map((vector) => [vector.file, vector] as const))(
    '%s: the genuine cert-mode message names no SN, so the caller tries every whitelisted certificate',
    (_file, vector) => {
      expect(notifyCertSn(paramsOf(vector))).toBeUndefined();
      const certificate = new X509Certificate(vector.inputs.alipay_public_cert_pem ?? '');
      if (vector.inputs.alipay_cert_sn) expect(alipayCertSn(certificate)).toBe(vector.inputs.alipay_cert_sn);
      expect(verifyAlipayNotify(paramsOf(vector), [anotherVectorKey(vector), certificate.publicKey]).ok).toBe(true);
    },
  );
});
