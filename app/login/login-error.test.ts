import { describe, expect, it } from 'vitest';
import { parseLoginError } from './login-error';

describe('parseLoginError', () => {
  it('is null without an error', () => {
    expect(parseLoginError(null)).toBeNull();
    expect(parseLoginError('')).toBeNull();
  });

  it('reads the codes of auth-options', () => {
    expect(parseLoginError('UNAUTHENTICATED')).toEqual({ kind: 'credentials' });
    expect(parseLoginError('FORBIDDEN')).toEqual({ kind: 'disabled' });
    expect(parseLoginError('INTERNAL_ERROR')).toEqual({ kind: 'unexpected' });
  });

  it('takes the unlock time from ACCOUNT_LOCKED, whose ISO time contains colons', () => {
    expect(parseLoginError('ACCOUNT_LOCKED:2030-01-02T03:04:05.000Z')).toEqual({
      kind: 'locked',
      until: new Date('2030-01-02T03:04:05.000Z'),
    });
  });

  it('still says locked when the time is missing or unreadable', () => {
    expect(parseLoginError('ACCOUNT_LOCKED')).toEqual({ kind: 'locked', until: null });
    expect(parseLoginError('ACCOUNT_LOCKED:soon')).toEqual({ kind: 'locked', until: null });
  });

  it('treats unknown codes as unexpected', () => {
    expect(parseLoginError('Configuration')).toEqual({ kind: 'unexpected' });
  });
});
