import { describe, expect, it } from 'vitest';
import { copyText } from './sql-session';

describe('copyText', () => {
  it('escapes what COPY text format reads as separators or escapes, and leaves the rest as is', () => {
    expect(copyText('4200002202612060000000000001')).toBe('4200002202612060000000000001');
    expect(copyText('物业费 十一月')).toBe('物业费 十一月');
    expect(copyText('a\tb\\c\r\nd')).toBe('a\\tb\\\\c\\r\\nd');
    expect(copyText('\\N')).toBe('\\\\N');
  });
});
