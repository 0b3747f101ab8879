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

  it('takes the retry time from LOGIN_THROTTLED, whose ISO time contains colons', () => {
    expect(parseLoginError('LOGIN_THROTTLED:2030-01-02T03:04:05.000Z')).toEqual({
      kind: 'throttled',
      retryAt: new Date('2030-01-02T03:04:05.000Z'),
    });
  });

  it('still says throttled when the time is missing or unreadable', () => {
    expect(parseLoginError('LOGIN_THROTTLED')).toEqual({ kind: 'throttled', retryAt: null });
    expect(parseLoginError('LOGIN_THROTTLED:soon')).toEqual({ kind: 'throttled', retryAt: null });
  });

  it('treats unknown codes as unexpected', () => {
    expect(parseLoginError('Configuration')).toEqual({ kind: 'unexpected' });
  });
});
