import { describe, expect, it } from 'vitest';
import { ChannelError } from '@/server/gateway/channel-error';
import { mapiAction } from './create-payment';

describe('what a mapi.php answer gives the app', () => {
  it('shows qrcode first, else payurl, else urlscheme, as the code of the hosted checkout', () => {
    expect(mapiAction({ code: 1, qrcode: 'weixin://wxpay/bizpayurl?pr=abc', payurl: 'https://pay.example/p/1' }, false)).toEqual({ type: 'QR_CODE', content: 'weixin://wxpay/bizpayurl?pr=abc' });
    expect(mapiAction({ code: 1, payurl: 'https://pay.example/p/1' }, false)).toEqual({ type: 'QR_CODE', content: 'https://pay.example/p/1' });
    expect(mapiAction({ code: 1, urlscheme: 'alipays://platformapi/startapp?x=1' }, false)).toEqual({ type: 'QR_CODE', content: 'alipays://platformapi/startapp?x=1' });
  });

  it('redirects to payurl when the execution redirects, and shows the code when there is none', () => {
    expect(mapiAction({ code: 1, qrcode: 'q', payurl: 'https://pay.example/p/1' }, true)).toEqual({ type: 'REDIRECT', url: 'https://pay.example/p/1' });
    expect(mapiAction({ code: 1, qrcode: 'q' }, true)).toEqual({ type: 'QR_CODE', content: 'q' });
  });

  it('refuses an answer with nothing to pay by', () => {
    expect(() => mapiAction({ code: 1, trade_no: '1', qrcode: '' }, false)).toThrow(ChannelError);
  });
});
