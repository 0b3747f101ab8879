import { describe, expect, it } from 'vitest';
import { readStoredAction } from './action';

describe('readStoredAction', () => {
  it('reads the app’s and the channel’s action as stored, keeping the QR code’s checkout link', () => {
    const action = {
      app: { type: 'QR_CODE', content: 'https://qr.alipay.com/bax1', checkoutUrl: 'https://pay.example/checkout/P1' },
      channel: { type: 'QR_CODE', content: 'https://qr.alipay.com/bax1' },
    };
    expect(readStoredAction({ action })).toEqual(action);
  });

  it('reads a CASHIER attempt that has no channel’s action yet, and nothing stored as null', () => {
    expect(readStoredAction({ action: { app: { type: 'CHECKOUT', url: 'https://pay.example/checkout/P1' } } })).toEqual({ app: { type: 'CHECKOUT', url: 'https://pay.example/checkout/P1' } });
    expect(readStoredAction({ action: null })).toBeNull();
  });

  it('refuses a stored value of another shape instead of trusting it', () => {
    expect(() => readStoredAction({ action: { app: { type: 'REDIRECT' } } })).toThrow();
    expect(() => readStoredAction({ action: { channel: { type: 'FORM', html: '<form/>' } } })).toThrow();
    expect(() => readStoredAction({ action: { app: { type: 'SDK_PARAMS', params: { orderString: 1 } } } })).toThrow();
  });
});
