import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';
import { createTranslator } from './translate';

/** Flattens a dictionary to `[dot.path, text]` pairs. */
function entries(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    typeof value === 'object' && value !== null ? entries(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const placeholders = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message dictionaries', () => {
  const zh = new Map(entries(zhCN));
  const english = new Map(entries(en));

  it('have exactly the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it.each([
    ['zh-CN', zh],
    ['en', english],
  ])('%s has only non-empty strings', (_locale, dictionary) => {
    for (const [key, text] of dictionary) {
      expect(typeof text, key).toBe('string');
      expect(String(text).trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of zh) expect(placeholders(english.get(key)), key).toEqual(placeholders(text));
  });
});

describe('createTranslator', () => {
  const t = createTranslator(en);

  it('looks up dot paths and fills placeholders', () => {
    expect(t('login.title')).toBe('Sign in to PayCenter');
    expect(t('home.welcome', { name: 'Li Lei' })).toBe('Welcome back, Li Lei');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(t('home.welcome')).toBe('Welcome back, {name}');
  });
});
