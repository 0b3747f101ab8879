import { describe, expect, it } from 'vitest';
import { readVector, vectorFiles } from '@/server/testing/vectors';
import { easypaySign, easypaySignContent, signEasypayParams, verifyEasypaySign } from './md5-sign';

// The genuine published examples of the epay V1 construction in server/testing/vectors (see each file's `source`).

interface SignVector {
  inputs: { params: Record<string, string>; merchant_key: string };
  expected: { sign_string: string; sign: string };
  negative_cases: Array<{ description: string; sign: string }>;
}

const vectors = vectorFiles('easypay-').map((file) => [file, readVector<SignVector>(file)] as const);

describe('epay MD5 signatures against the published vectors', () => {
  it('has both vectors', () => {
    expect(vectors.map(([file]) => file).sort()).toEqual(['easypay-sign-md5-defupay-doc.json', 'easypay-sign-md5-url-value-doc.json']);
  });

  describe.each(vectors)('%s', (_file, vector) => {
    const { params, merchant_key: key } = vector.inputs;

    it('builds the same string and sign, and accepts the published sign', () => {
      expect(easypaySignContent(params)).toBe(vector.expected.sign_string);
      expect(easypaySign(params, key)).toBe(vector.expected.sign);
      expect(verifyEasypaySign({ ...params, sign: vector.expected.sign, sign_type: 'MD5' }, key)).toBe(true);
      expect(verifyEasypaySign({ ...params, sign: vector.expected.sign.toUpperCase() }, key)).toBe(true);
    });

    it.each(vector.negative_cases)('rejects the sign of a wrong construction: $description', ({ sign }) => {
      expect(verifyEasypaySign({ ...params, sign }, key)).toBe(false);
    });

    it('rejects every tampered value, an added parameter, another key and a changed sign', () => {
      const signed = { ...params, sign: vector.expected.sign };
      for (const name of Object.keys(params)) {
        expect(verifyEasypaySign({ ...signed, [name]: `${params[name]}0` }, key)).toBe(false);
      }
      expect(verifyEasypaySign({ ...signed, extra: '1' }, key)).toBe(false);
      expect(verifyEasypaySign(signed, `${key}x`)).toBe(false);
      const flipped = `${vector.expected.sign.slice(0, -1)}${vector.expected.sign.endsWith('0') ? '1' : '0'}`;
      expect(verifyEasypaySign({ ...params, sign: flipped }, key)).toBe(false);
      expect(verifyEasypaySign({ ...params }, key)).toBe(false);
      expect(verifyEasypaySign({ ...params, sign: `${vector.expected.sign}00` }, key)).toBe(false);
    });
  });
});

describe('epay MD5 signatures of awkward values', () => {
  const key = 'K&ey=+%20 "x\'<>#?';
  const params = { pid: '1001', type: 'alipay', out_trade_no: 'P1', name: '物业费 2026-11 & 停车费=120元', money: '120.00', notify_url: 'https://pc.example/n?a=1&b=2' };

  it('signs raw values, leaves out sign, sign_type and empty values, and verifies what it signed', () => {
    expect(easypaySignContent({ ...params, param: '', sign: 'x', sign_type: 'MD5' })).toBe(
      'money=120.00&name=物业费 2026-11 & 停车费=120元&notify_url=https://pc.example/n?a=1&b=2&out_trade_no=P1&pid=1001&type=alipay',
    );
    const signed = signEasypayParams(params, key);
    expect(signed.sign_type).toBe('MD5');
    expect(verifyEasypaySign(signed, key)).toBe(true);
    expect(verifyEasypaySign({ ...signed, param: '' }, key)).toBe(true);
  });

  it('survives a round trip through a query string, and a tampered name fails', () => {
    const received = Object.fromEntries(new URLSearchParams(new URLSearchParams(signEasypayParams(params, key)).toString()));
    expect(received.name).toBe(params.name);
    expect(verifyEasypaySign(received, key)).toBe(true);
    expect(verifyEasypaySign({ ...received, name: '物业费 2026-11' }, key)).toBe(false);
    expect(verifyEasypaySign(received, 'K&ey=+%20 "x\'<>#')).toBe(false);
  });
});
