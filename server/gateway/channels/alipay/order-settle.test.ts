import { describe, expect, it } from 'vitest';
import { ChannelError } from '@/server/gateway/channel-error';
import { settleState } from './order-settle';

// An alipay.trade.order.settle.query answer as Alipay documents it: amounts as numbers or strings of yuan,
// receivers' states SUCCESS / FAIL / PROCESSING, refunds of earlier royalties listed too.
const answer = (details: Array<Record<string, unknown>>) => ({
  code: '10000',
  msg: 'Success',
  out_request_no: 'S20261207150000123abcDEF456ghi',
  operation_dt: '2026-12-07 15:00:01',
  royalty_detail_list: details,
});

const transfer = (overrides: Record<string, unknown>) => ({ operation_type: 'transfer', trans_in_type: 'userId', trans_in: '2088101126708402', amount: 10, state: 'SUCCESS', detail_id: '2026120700253000001', ...overrides });

describe('settleState', () => {
  it('maps each transfer to a line, in fen, and the settle is FINISHED once every line is final', () => {
    const state = settleState(
      answer([
        transfer({}),
        transfer({ trans_in_type: 'loginName', trans_in: 'a@b.example', amount: '0.35', state: 'FAIL', error_code: 'TXN_RESULT_ACCOUNT_BALANCE_NOT_ENOUGH', error_desc: '分账余额不足' }),
        { operation_type: 'transfer_refund', trans_out_type: 'userId', trans_out: '2088101126708402', amount: 5, state: 'SUCCESS' },
      ]),
      'S20261207150000123abcDEF456ghi',
    );
    expect(state).toMatchObject({
      state: 'FINISHED',
      lines: [
        { accountType: 'ALIPAY_USER_ID', account: '2088101126708402', amount: 1_000, state: 'SUCCEEDED', failReason: null, channelDetailId: '2026120700253000001' },
        { accountType: 'ALIPAY_LOGON_ID', account: 'a@b.example', amount: 35, state: 'FAILED', failReason: 'TXN_RESULT_ACCOUNT_BALANCE_NOT_ENOUGH: 分账余额不足' },
      ],
    });
  });

  it('keeps a line PROCESSING for PROCESSING or any state it does not know, and the settle with it', () => {
    for (const unknown of ['PROCESSING', 'DEALING', undefined]) {
      const state = settleState(answer([transfer({ state: unknown })]), 'S20261207150000123abcDEF456ghi');
      expect(state).toMatchObject({ state: 'PROCESSING', lines: [{ state: 'PROCESSING' }] });
    }
  });

  it('refuses an answer about another request, or with an account type or amount it cannot read', () => {
    const bad = [
      () => settleState(answer([transfer({})]), 'S-another'),
      () => settleState(answer([transfer({ trans_in_type: 'openId' })]), 'S20261207150000123abcDEF456ghi'),
      () => settleState(answer([transfer({ amount: '1.005' })]), 'S20261207150000123abcDEF456ghi'),
    ];
    for (const read of bad) {
      expect(read).toThrow(ChannelError);
      expect(read).toThrow(expect.objectContaining({ channelCode: 'ALIPAY_BAD_ANSWER', retryable: false }));
    }
  });
});
