import { describe, expect, it } from 'vitest';
import { AUTHORIZATION_LIFETIME_MS, authorizationNonce, signAuthorizationState, verifyAuthorizationState } from './in-app-authorization-state';

const now = new Date('2026-12-01T08:00:00Z');
const serialNo = 'P20261201080000123456789012';

describe('in-app authorization state', () => {
  it('verifies for its checkout and browser until it expires, and uses only the characters WeChat allows', () => {
    const nonce = authorizationNonce();
    const state = signAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce, now });
    expect(state).toMatch(/^[A-Za-z0-9]{1,128}$/);
    expect(verifyAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce, state, now })).toBe(true);
    expect(verifyAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce, state, now: new Date(now.getTime() + AUTHORIZATION_LIFETIME_MS - 1000) })).toBe(true);
    expect(verifyAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce, state, now: new Date(now.getTime() + AUTHORIZATION_LIFETIME_MS) })).toBe(false);
  });

  it('refuses the state of another channel', () => {
    const nonce = authorizationNonce();
    const state = signAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce, now });
    expect(verifyAuthorizationState({ serialNo, channel: 'ALIPAY', nonce, state, now })).toBe(false);
  });

  it('refuses another checkout, another browser, a missing nonce, a changed expiry and a forged MAC', () => {
    const nonce = authorizationNonce();
    const state = signAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce, now });
    const [expiry, mac] = state.split('s') as [string, string];
    expect(verifyAuthorizationState({ serialNo: 'P20261201080000123456789013', channel: 'WECHATPAY', nonce, state, now })).toBe(false);
    expect(verifyAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce: authorizationNonce(), state, now })).toBe(false);
    expect(verifyAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce: null, state, now })).toBe(false);
    expect(verifyAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce, state: `${Number(expiry) + 3600}s${mac}`, now })).toBe(false);
    expect(verifyAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce, state: `${expiry}s${'0'.repeat(64)}`, now })).toBe(false);
    expect(verifyAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce, state: null, now })).toBe(false);
    expect(verifyAuthorizationState({ serialNo, channel: 'WECHATPAY', nonce, state: 'garbage', now })).toBe(false);
  });
});
