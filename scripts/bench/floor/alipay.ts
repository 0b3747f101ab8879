// The floor's minimal Alipay, served by the floor process itself as PayCenter's simulator is served by
// PayCenter: alipay.trade.precreate verified against the app's registered public key, the trade stored,
// the answer signed; and, for the bench's preparation (not timed), a paid trade's signed notify.
import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import type pg from 'pg';
import { NOTIFY_UNSIGNED, REQUEST_UNSIGNED, rsa2Sign, rsa2Verify, signContent, signedResponse } from './rsa2';

export const PRECREATE = 'alipay.trade.precreate';

/** Alipay's clock is Beijing time, `yyyy-MM-dd HH:mm:ss`. */
export const beijingTimestamp = (date = new Date()): string => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

export function floorAlipay(pool: pg.Pool, alipayPrivateKey: KeyObject) {
  // An app's registered key changes only when the app uploads another: parsed once per key text.
  const appKeys = new Map<string, KeyObject>();
  async function appKey(alipayAppId: string): Promise<KeyObject | null> {
    const { rows } = await pool.query<{ app_public_key: string }>('SELECT app_public_key FROM floor_alipay_app WHERE alipay_app_id = $1', [alipayAppId]);
    const text = rows[0]?.app_public_key;
    if (!text) return null;
    let key = appKeys.get(text);
    if (!key) appKeys.set(text, (key = createPublicKey(text)));
    return key;
  }

  const answer = (response: object) => signedResponse(PRECREATE, response, alipayPrivateKey);

  return {
    /** POST /gateway.do with a form body: only precreate, the one method the floor's payments call. */
    async gateway(form: string): Promise<string> {
      const params = Object.fromEntries(new URLSearchParams(form));
      const key = params.app_id ? await appKey(params.app_id) : null;
      if (params.method !== PRECREATE || !key || !params.sign || !rsa2Verify(signContent(params, REQUEST_UNSIGNED), params.sign, key)) {
        return answer({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' });
      }
      const biz = JSON.parse(params.biz_content ?? '{}') as { out_trade_no: string; total_amount: string; subject: string };
      const tradeNo = `2026${randomBytes(10).toString('hex')}`;
      await pool.query(
        `INSERT INTO floor_alipay_trade (alipay_app_id, out_trade_no, trade_no, total_amount, subject, status) VALUES ($1, $2, $3, $4, $5, 'WAIT_BUYER_PAY')`,
        [params.app_id, biz.out_trade_no, tradeNo, biz.total_amount, biz.subject],
      );
      return answer({ code: '10000', msg: 'Success', out_trade_no: biz.out_trade_no, qr_code: `https://qr.alipay.com/${tradeNo}` });
    },

    /** The buyer pays: the trade is marked paid and its trade_status_sync notify answered, signed (sent by the bench). */
    async pay(outTradeNo: string): Promise<string | null> {
      const { rows } = await pool.query<{ alipay_app_id: string; trade_no: string; total_amount: string; paid_at: Date }>(
        `UPDATE floor_alipay_trade SET status = 'TRADE_SUCCESS', paid_at = now() WHERE out_trade_no = $1 RETURNING alipay_app_id, trade_no, total_amount, paid_at`,
        [outTradeNo],
      );
      const trade = rows[0];
      if (!trade) return null;
      const params: Record<string, string> = {
        notify_time: beijingTimestamp(),
        notify_type: 'trade_status_sync',
        notify_id: randomBytes(16).toString('hex'),
        app_id: trade.alipay_app_id,
        charset: 'utf-8',
        version: '1.0',
        sign_type: 'RSA2',
        trade_no: trade.trade_no,
        out_trade_no: outTradeNo,
        trade_status: 'TRADE_SUCCESS',
        total_amount: trade.total_amount,
        gmt_payment: beijingTimestamp(trade.paid_at),
      };
      params.sign = rsa2Sign(signContent(params, NOTIFY_UNSIGNED), alipayPrivateKey);
      return new URLSearchParams(params).toString();
    },
  };
}
