import { describe, expect, it } from 'vitest';
import { dayBoundary, prettyJson, splitSummary } from './audit-summary';

describe('splitSummary', () => {
  it('separates before and after from the rest', () => {
    expect(splitSummary({ before: { status: 'ACTIVE' }, after: { status: 'SUSPENDED' }, email: 'a@b.c' })).toEqual({
      before: { status: 'ACTIVE' },
      after: { status: 'SUSPENDED' },
      rest: { email: 'a@b.c' },
      other: undefined,
    });
  });

  it('has no rest when only after is there', () => {
    expect(splitSummary({ after: { name: 'x' } })).toEqual({ before: undefined, after: { name: 'x' }, rest: null, other: undefined });
  });

  it('keeps a summary that is not an object whole', () => {
    expect(splitSummary(null).other).toBeUndefined();
    expect(splitSummary(['a']).other).toEqual(['a']);
  });
});

describe('prettyJson', () => {
  it('indents with two spaces', () => {
    expect(prettyJson({ a: { b: 1 } })).toBe('{\n  "a": {\n    "b": 1\n  }\n}');
  });
});

describe('dayBoundary', () => {
  it('turns a date input value into the start or end of that local day', () => {
    const start = dayBoundary('2026-03-01', 'start');
    const end = dayBoundary('2026-03-01', 'end');
    expect(start?.getHours()).toBe(0);
    expect(end?.getHours()).toBe(23);
    expect(end!.getTime() - start!.getTime()).toBe(24 * 3600 * 1000 - 1);
  });

  it('ignores an empty or malformed value', () => {
    expect(dayBoundary('', 'start')).toBeUndefined();
    expect(dayBoundary('2026-13-45', 'end')).toBeUndefined();
  });
});
