import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate-locale';

describe('negotiateLocale', () => {
  it('prefers a valid cookie over Accept-Language', () => {
    expect(negotiateLocale('en', 'zh-CN,zh;q=0.9')).toBe('en');
    expect(negotiateLocale('zh-CN', 'en-US,en;q=0.9')).toBe('zh-CN');
  });

  it('ignores an unsupported cookie value', () => {
    expect(negotiateLocale('fr', 'en-GB')).toBe('en');
    expect(negotiateLocale('', 'en')).toBe('en');
  });

  it('maps any Chinese or English tag from Accept-Language', () => {
    expect(negotiateLocale(undefined, 'zh-TW')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'zh-Hans-CN,zh;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale(null, 'EN')).toBe('en');
  });

  it('takes the most preferred supported language', () => {
    expect(negotiateLocale(undefined, 'fr-FR,fr;q=0.9,en;q=0.8,zh;q=0.7')).toBe('en');
    expect(negotiateLocale(undefined, 'en;q=0.5,zh-CN;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'en;q=0,zh')).toBe('zh-CN');
  });

  it('falls back to zh-CN', () => {
    expect(negotiateLocale(undefined, undefined)).toBe('zh-CN');
    expect(negotiateLocale(null, '')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'fr-FR,de;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale(undefined, '*')).toBe('zh-CN');
  });
});
