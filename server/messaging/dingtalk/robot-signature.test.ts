import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { robotSignature, signedRobotUrl } from './robot-signature';

// DingTalk publishes the construction, not a fixed example (its samples sign the current time):
// https://open.dingtalk.com/document/robots/customize-robot-security-settings (加签), Java sample:
//   stringToSign = timestamp + "\n" + secret; HmacSHA256 keyed with the secret over stringToSign;
//   sign = URLEncoder.encode(new String(Base64.encodeBase64(signData)), "UTF-8").
// The expected values below follow that sample step by step with other primitives: the HMAC over
// bytes, Base64 by hand from the digest, and URL encoding like Java's URLEncoder (form encoding).
const SECRET = 'SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc';
const TIMESTAMP = '1575353574633';

function javaSampleSign(timestamp: string, secret: string): string {
  const signData = createHmac('SHA256', Buffer.from(secret, 'utf8')).update(Buffer.from(timestamp + '\n' + secret, 'utf8')).digest();
  const base64 = signData.toString('base64');
  return new URLSearchParams({ sign: base64 }).toString().slice('sign='.length);
}

describe('DingTalk robot signature (加签)', () => {
  it('is the published construction', () => {
    expect(encodeURIComponent(robotSignature(SECRET, TIMESTAMP))).toBe(javaSampleSign(TIMESTAMP, SECRET));
  });

  it('matches the published Python sample run on these inputs', () => {
    // hmac.new(secret, f"{timestamp}\n{secret}", sha256) → base64 → urllib.parse.quote_plus (Python 3.11)
    expect(encodeURIComponent(robotSignature(SECRET, TIMESTAMP))).toBe('do1%2FnKV3YZhxR%2FhJ2z62o70o7tLh6YdAwurhA1qJ3ws%3D');
  });

  it('appends the millisecond timestamp and the URL-encoded sign to the webhook URL', () => {
    const url = new URL(signedRobotUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', SECRET, new Date(Number(TIMESTAMP))));
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe(TIMESTAMP);
    expect(url.search).toContain(`&sign=${javaSampleSign(TIMESTAMP, SECRET)}`);
    expect(url.searchParams.get('sign')).toBe(robotSignature(SECRET, TIMESTAMP));
  });

  it('leaves the URL alone for a robot without 加签', () => {
    expect(signedRobotUrl('http://10.0.0.5/robot', undefined, new Date())).toBe('http://10.0.0.5/robot');
  });
});
