import { describe, expect, it } from 'vitest';
import { alertMessage, withoutSecrets } from './alert-message';

const burst = {
  kind: 'CALLBACK_REJECTED' as const,
  serialNo: 'pay_7Qk2',
  companyName: '绿城物业',
  count: 37,
  firstAt: new Date('2026-12-07T09:40:00Z'),
  lastAt: new Date('2026-12-07T09:49:30Z'),
  message: 'Callback rejected: bad signature',
  link: 'https://pay.example.com/payments/pay_7Qk2',
};

describe('alertMessage', () => {
  it('says in Chinese how many alerts of the burst there were, over which period, with the link', () => {
    const { title, text } = alertMessage(burst);
    expect(title).toBe('【PayCenter 告警】渠道回调被拒绝');
    expect(text).toContain('10 分钟内共 **37** 次（2026-12-07 17:40 至 2026-12-07 17:49，北京时间）');
    expect(text).toContain('- 支付：pay\\_7Qk2');
    expect(text).toContain('- 物业公司：绿城物业');
    expect(text).toContain('[在控制台查看](https://pay.example.com/payments/pay_7Qk2)');
  });

  it('quotes no secret that a message may carry', () => {
    const message =
      'Webhook to https://app.example.com/hook?access_token=tok_LEAK1 failed; secret=LEAK2 apiV3Key: LEAK3, password="LEAK4" sign=LEAK5';
    const { text } = alertMessage({ ...burst, message });
    expect(text).not.toMatch(/LEAK/);
    expect(text).toContain('https://app.example.com/hook');
  });

  it('keeps ordinary words and numbers', () => {
    expect(withoutSecrets('Refund rfd_1 of 100 fen failed: ACQ.TRADE_NOT_EXIST')).toBe('Refund rfd_1 of 100 fen failed: ACQ.TRADE_NOT_EXIST');
  });
});
