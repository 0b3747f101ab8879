// The floor's payment center: the work PayCenter does per request, with nothing around it. Answers
// are { status, body } for main.ts to send; wrong input gets the contract's status, nothing more.
import http from 'node:http';
import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import type pg from 'pg';
import { signRequest, signaturesMatch, signWebhook } from '@paycenter/node';
import { beijingTimestamp, PRECREATE } from './alipay';
import type { Sealer } from './provision';
import { NOTIFY_UNSIGNED, REQUEST_UNSIGNED, rsa2Sign, rsa2Verify, signContent, verifiedResponse, yuan } from './rsa2';

export interface Answer {
  status: number;
  body: unknown;
}

export interface SignedRequest {
  method: string;
  pathWithQuery: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
}

const OUTBOX_LOCK = 7_310_002;
const WINDOW_SECONDS = 300;
/** Alipay's yuan string as fen, by integer arithmetic; -1 (matching no amount) when malformed. */
const fen = (yuan = ''): number => (/^\d+\.\d{2}$/.test(yuan) ? Number(yuan.replace('.', '')) : -1);
const error = (status: number, code: string): Answer => ({ status, body: { error: { code, message: code } } });

interface Channel {
  id: string;
  merchantId: string;
  alipayAppId: string;
  privateKey: KeyObject;
  alipayPublicKey: KeyObject;
}

interface ChannelRow {
  id: string;
  merchant_id: string;
  version: number;
  alipay_app_id: string;
  private_key_sealed: Buffer;
  alipay_public_key: string;
}

export function floorCenter(options: { pool: pg.Pool; seal: Sealer; alipayGatewayUrl: string }) {
  const { pool, seal } = options;
  // Parsed keys are immutable per channel version: a new version (new credentials) is parsed anew.
  const channelKeys = new Map<string, Channel>();
  const channelOf = (row: ChannelRow): Channel => {
    const cacheKey = `${row.id}:${row.version}`;
    let channel = channelKeys.get(cacheKey);
    if (!channel) {
      channel = {
        id: row.id,
        merchantId: row.merchant_id,
        alipayAppId: row.alipay_app_id,
        privateKey: createPrivateKey(seal.open(row.private_key_sealed)),
        alipayPublicKey: createPublicKey(row.alipay_public_key),
      };
      channelKeys.set(cacheKey, channel);
    }
    return channel;
  };
  const CHANNEL_COLUMNS = 'c.id, c.merchant_id, c.version, c.alipay_app_id, c.private_key_sealed, c.alipay_public_key';

  /** The contract's HMAC check, then the nonce recorded (only after the signature verified): the app's id, or the refusal. */
  async function authenticate(request: SignedRequest): Promise<string | Answer> {
    const header = (name: string) => String(request.headers[name] ?? '');
    const [appId, timestamp, nonce, signature] = ['x-paycenter-app-id', 'x-paycenter-timestamp', 'x-paycenter-nonce', 'x-paycenter-signature'].map(header) as [string, string, string, string];
    if (!/^[A-Za-z0-9]{16,64}$/.test(nonce) || !/^\d+$/.test(timestamp)) return error(401, 'INVALID_SIGNATURE');
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > WINDOW_SECONDS) return error(401, 'TIMESTAMP_OUT_OF_RANGE');
    const { rows } = await pool.query<{ secret_sealed: Buffer; disabled: boolean }>('SELECT secret_sealed, disabled FROM floor_app WHERE id = $1', [appId]);
    const app = rows[0];
    const expected = app ? signRequest({ secret: seal.open(app.secret_sealed), method: request.method, pathWithQuery: request.pathWithQuery, timestamp, nonce, rawBody: request.rawBody }) : '';
    if (!app || !signaturesMatch(expected, signature)) return error(401, 'INVALID_SIGNATURE');
    if (app.disabled) return error(401, 'APP_DISABLED');
    const fresh = await pool.query('INSERT INTO floor_nonce (app_id, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING', [appId, nonce]);
    return fresh.rowCount === 1 ? appId : error(401, 'REPLAYED_REQUEST');
  }

  /** alipay.trade.precreate signed with the merchant's key, sent over HTTP, the answer's signature verified: the QR content. */
  async function precreate(channel: Channel, trade: { serialNo: string; amount: number; subject: string }): Promise<string | null> {
    const params: Record<string, string> = {
      app_id: channel.alipayAppId,
      method: PRECREATE,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: beijingTimestamp(),
      version: '1.0',
      biz_content: JSON.stringify({ out_trade_no: trade.serialNo, total_amount: yuan(trade.amount), subject: trade.subject }),
    };
    params.sign = rsa2Sign(signContent(params, REQUEST_UNSIGNED), channel.privateKey);
    const response = await fetch(options.alipayGatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    });
    const answer = verifiedResponse(PRECREATE, await response.text(), channel.alipayPublicKey);
    return answer?.code === '10000' && answer.out_trade_no === trade.serialNo ? (answer.qr_code ?? null) : null;
  }

  /** The first webhook attempt, after the commit, not awaited by the callback: POSTed signed, then recorded. */
  async function deliver(event: { id: string; url: string; secret: string; body: object }): Promise<void> {
    const rawBody = JSON.stringify(event.body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const started = performance.now();
    const statusCode = await new Promise<number | null>((resolve) => {
      const request = http.request(event.url, {
        method: 'POST',
        agent: false,
        timeout: 10_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(rawBody),
          'X-PayCenter-Event-Id': `evt_${event.id}`,
          'X-PayCenter-Timestamp': timestamp,
          'X-PayCenter-Signature': signWebhook({ secret: event.secret, timestamp, rawBody }),
        },
      });
      request.on('error', () => resolve(null)).on('timeout', () => request.destroy());
      request.on('response', (response) => {
        response.resume().on('end', () => resolve(response.statusCode ?? null));
      });
      request.end(rawBody);
    });
    const acknowledged = statusCode !== null && statusCode >= 200 && statusCode < 300;
    await pool.query(
      `WITH delivery AS (UPDATE floor_delivery SET attempts = attempts + 1, status = $2, delivered_at = CASE WHEN $3 THEN now() END WHERE event_id = $1 RETURNING event_id)
       INSERT INTO floor_webhook_attempt (event_id, status_code, duration_ms) SELECT event_id, $4, $5 FROM delivery`,
      [event.id, acknowledged ? 'SUCCEEDED' : 'PENDING', acknowledged, statusCode, Math.round(performance.now() - started)],
    );
  }

  return {
    /** POST /api/v1/payments, Alipay QR only. */
    async createPayment(request: SignedRequest): Promise<Answer> {
      const appId = await authenticate(request);
      if (typeof appId !== 'string') return appId;
      const input = JSON.parse(request.rawBody) as Record<string, unknown>;
      const { merchantId, paymentId, orderNo, amount, subject, notifyUrl } = input;
      if (typeof merchantId !== 'string' || typeof paymentId !== 'string' || typeof orderNo !== 'string' || typeof subject !== 'string' || !Number.isSafeInteger(amount) || (amount as number) <= 0 || input.currency !== 'CNY' || input.invokeMethod !== 'QR' || (notifyUrl !== undefined && typeof notifyUrl !== 'string')) {
        return error(400, 'INVALID_REQUEST');
      }
      const { rows } = await pool.query<ChannelRow>(
        `SELECT ${CHANNEL_COLUMNS} FROM floor_channel c JOIN floor_grant g ON g.merchant_id = c.merchant_id AND g.app_id = $2 WHERE c.id = $1 AND c.merchant_id = $3 AND c.enabled`,
        [paymentId, appId, merchantId],
      );
      if (!rows[0]) return error(403, 'MERCHANT_NOT_GRANTED');
      const channel = channelOf(rows[0]);
      const serialNo = `F${randomBytes(12).toString('hex').toUpperCase()}`;
      // Order and attempt in one statement, hence one transaction; a known order number inserts neither.
      const recorded = await pool.query(
        `WITH new_order AS (INSERT INTO floor_order (app_id, merchant_id, order_no, amount, status) VALUES ($1, $2, $3, $4, 'UNPAID') ON CONFLICT DO NOTHING RETURNING id)
         INSERT INTO floor_attempt (serial_no, order_id, app_id, channel_id, amount, subject, notify_url, status) SELECT $5, id, $1, $6, $4, $7, $8, 'PENDING' FROM new_order`,
        [appId, merchantId, orderNo, amount, serialNo, channel.id, subject, notifyUrl ?? null],
      );
      if (recorded.rowCount !== 1) return error(409, 'ORDER_CONFLICT');
      const qrCode = await precreate(channel, { serialNo, amount: amount as number, subject });
      const status = qrCode ? 'PENDING' : 'FAILED';
      await pool.query('UPDATE floor_attempt SET status = $2, qr_code = $3, updated_at = now() WHERE serial_no = $1', [serialNo, status, qrCode]);
      if (!qrCode) return error(502, 'CHANNEL_ERROR');
      return { status: 201, body: { payment: { serialNo, orderNo, merchantId, paymentId, amount, status }, action: { type: 'QR_CODE', content: qrCode } } };
    },

    /** GET /api/v1/payments/{serialNo}: another app's payment is not found. */
    async lookup(request: SignedRequest, serialNo: string): Promise<Answer> {
      const appId = await authenticate(request);
      if (typeof appId !== 'string') return appId;
      const { rows } = await pool.query(
        `SELECT a.serial_no AS "serialNo", o.order_no AS "orderNo", o.merchant_id AS "merchantId", a.channel_id AS "paymentId", a.amount::int AS amount,
                a.status, a.trade_no AS "channelTradeNo", a.paid_at AS "paidAt", a.created_at AS "createdAt"
         FROM floor_attempt a JOIN floor_order o ON o.id = a.order_id WHERE a.serial_no = $1 AND a.app_id = $2`,
        [serialNo, appId],
      );
      return rows[0] ? { status: 200, body: { payment: rows[0] } } : error(404, 'NOT_FOUND');
    },

    /** GET /api/v1/events?limit=N: the app's events in cursor order. */
    async feed(request: SignedRequest, limit: number): Promise<Answer> {
      const appId = await authenticate(request);
      if (typeof appId !== 'string') return appId;
      const { rows } = await pool.query(`SELECT body || jsonb_build_object('id', 'evt_' || id, 'createdAt', created_at) AS body FROM floor_outbox WHERE app_id = $1 ORDER BY id LIMIT $2`, [appId, limit]);
      return { status: 200, body: { events: rows.map((row: { body: unknown }) => row.body) } };
    },

    /** POST /api/channels/alipay/notify/{paymentId}: `success` once the paid trade is applied (again: still `success`). */
    async callback(paymentId: string, form: string): Promise<Answer> {
      const { rows } = await pool.query<ChannelRow>(`SELECT ${CHANNEL_COLUMNS} FROM floor_channel c WHERE c.id = $1`, [paymentId]);
      const params = Object.fromEntries(new URLSearchParams(form));
      const channel = rows[0] && channelOf(rows[0]);
      if (!channel || !params.sign || !rsa2Verify(signContent(params, NOTIFY_UNSIGNED), params.sign, channel.alipayPublicKey)) return { status: 400, body: 'fail' };
      if (params.app_id !== channel.alipayAppId || params.trade_status !== 'TRADE_SUCCESS' || !params.out_trade_no || !params.trade_no) return { status: 400, body: 'fail' };
      const client = await pool.connect();
      let event: { id: string; url: string; secret: string; body: object } | null = null;
      try {
        await client.query('BEGIN');
        const paid = await client.query<{ order_id: string; app_id: string; amount: string; notify_url: string | null; secret_sealed: Buffer; paid_at: Date }>(
          `WITH received AS (INSERT INTO floor_notify (channel_id, raw) VALUES ($4, $5))
           UPDATE floor_attempt a SET status = 'SUCCEEDED', trade_no = $2, paid_at = now(), updated_at = now() FROM floor_app p
           WHERE a.serial_no = $1 AND a.channel_id = $4 AND a.status = 'PENDING' AND a.amount = $3 AND p.id = a.app_id
           RETURNING a.order_id, a.app_id, a.amount, a.notify_url, p.secret_sealed, a.paid_at`,
          [params.out_trade_no, params.trade_no, fen(params.total_amount), channel.id, form],
        );
        const attempt = paid.rows[0];
        if (attempt) {
          await client.query(`UPDATE floor_order SET status = 'PAID' WHERE id = $1`, [attempt.order_id]);
          // Cursors in commit order, as PayCenter's outbox hands them out.
          await client.query('SELECT pg_advisory_xact_lock($1)', [OUTBOX_LOCK]);
          const payment = { serialNo: params.out_trade_no, status: 'SUCCEEDED', amount: Number(attempt.amount), channelTradeNo: params.trade_no, paidAt: attempt.paid_at };
          const body = { type: 'payment.succeeded', livemode: false, data: { payment } };
          const written = await client.query<{ id: string; created_at: Date }>(
            `WITH event AS (INSERT INTO floor_outbox (app_id, serial_no, type, body) VALUES ($1, $2, 'payment.succeeded', $3) RETURNING id, created_at),
                  delivery AS (INSERT INTO floor_delivery (event_id, url, status) SELECT id, $4, 'PENDING' FROM event WHERE $4::text IS NOT NULL)
             SELECT id, created_at FROM event`,
            [attempt.app_id, params.out_trade_no, body, attempt.notify_url],
          );
          const { id, created_at } = written.rows[0]!;
          if (attempt.notify_url) event = { id, url: attempt.notify_url, secret: seal.open(attempt.secret_sealed), body: { id: `evt_${id}`, createdAt: created_at, ...body } };
        }
        await client.query('COMMIT');
        if (!attempt) {
          const { rows: known } = await client.query(`SELECT 1 FROM floor_attempt WHERE serial_no = $1 AND status = 'SUCCEEDED' AND trade_no = $2`, [params.out_trade_no, params.trade_no]);
          if (known.length === 0) return { status: 400, body: 'fail' };
        }
      } catch (failure) {
        await client.query('ROLLBACK');
        throw failure;
      } finally {
        client.release();
      }
      if (event) void deliver(event).catch((failure: unknown) => console.error('floor webhook failed', failure));
      return { status: 200, body: 'success' };
    },
  };
}
