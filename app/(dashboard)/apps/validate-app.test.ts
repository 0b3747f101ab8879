import { describe, expect, it } from 'vitest';
import { en } from '@/components/i18n/messages/en';
import { createTranslator } from '@/components/i18n/translate';
import { appInput, appValues, parseIpAllowlist, validateApp } from './validate-app';

const t = createTranslator(en);
const valid = { name: '物业缴费', description: '', defaultNotifyUrl: '', ipAllowlist: '', returnOrigins: '' };

describe('parseIpAllowlist', () => {
  it('takes one entry per line, trimmed, without blank lines', () => {
    expect(parseIpAllowlist(' 203.0.113.7 \r\n\n10.0.0.0/8\n  \n')).toEqual(['203.0.113.7', '10.0.0.0/8']);
    expect(parseIpAllowlist('')).toEqual([]);
  });
});

describe('validateApp', () => {
  it('accepts a name alone and a full app', () => {
    expect(validateApp(valid, t)).toEqual({});
    expect(validateApp({ name: 'Fees', description: 'x', defaultNotifyUrl: 'https://fees.example.com/notify', ipAllowlist: '203.0.113.0/24\n198.51.100.9', returnOrigins: 'https://fees.example.com\nhttp://localhost:3000/' }, t)).toEqual({});
  });

  it('names the first bad allowlist line', () => {
    expect(validateApp({ ...valid, ipAllowlist: '203.0.113.7\n\nnot-an-ip' }, t).ipAllowlist).toBe(t('apps.validation.ipLine', { line: 3, value: 'not-an-ip' }));
  });

  it('wants an http(s) notify URL without credentials', () => {
    expect(validateApp({ ...valid, defaultNotifyUrl: 'ftp://example.com' }, t).defaultNotifyUrl).toBe(t('apps.validation.url'));
    expect(validateApp({ ...valid, defaultNotifyUrl: 'https://user:pw@example.com' }, t).defaultNotifyUrl).toBe(t('apps.validation.url'));
  });

  it('wants return origins without a path, query or credentials', () => {
    for (const bad of ['https://app.example/paid', 'https://app.example?x=1', 'ftp://app.example', 'https://u:p@app.example', 'app.example']) {
      expect(validateApp({ ...valid, returnOrigins: `https://ok.example\n${bad}` }, t).returnOrigins).toBe(t('apps.validation.origin', { value: bad }));
    }
  });

  it('limits the name and the allowlist size', () => {
    expect(validateApp({ ...valid, name: 'x' }, t).name).toBe(t('apps.validation.nameLength'));
    const many = Array.from({ length: 51 }, (_, i) => `10.0.0.${i}`).join('\n');
    expect(validateApp({ ...valid, ipAllowlist: many }, t).ipAllowlist).toBe(t('apps.validation.ipTooMany'));
  });
});

describe('appInput / appValues', () => {
  it('round-trip an app through the form', () => {
    const app = { name: 'Fees', description: null, defaultNotifyUrl: 'https://a.example/n', ipAllowlist: ['10.0.0.0/8', '203.0.113.7'], returnOrigins: ['https://a.example'] };
    expect(appInput(appValues(app))).toEqual({ name: 'Fees', description: '', defaultNotifyUrl: 'https://a.example/n', ipAllowlist: ['10.0.0.0/8', '203.0.113.7'], returnOrigins: ['https://a.example'] });
  });
});
