import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('safeCallbackUrl', () => {
  it('keeps relative paths with their query', () => {
    expect(safeCallbackUrl('/payments')).toBe('/payments');
    expect(safeCallbackUrl('/refunds?status=PENDING#top')).toBe('/refunds?status=PENDING#top');
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['payments'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/payments\u007f'],
  ])('falls back to / for %j', (value) => {
    expect(safeCallbackUrl(value)).toBe('/');
  });
});
