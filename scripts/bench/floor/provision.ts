// The floor's tables (its own, beside PayCenter's in the bench's throwaway database) and its tenant:
// an app with its secret, a channel with the merchant's key pair, the grant, and the same channel as
// its Alipay knows it. Secrets and private keys are stored encrypted, as PayCenter stores them.
import { createCipheriv, createDecipheriv, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type pg from 'pg';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS floor_app (id text PRIMARY KEY, secret_sealed bytea NOT NULL, disabled boolean NOT NULL DEFAULT false);
CREATE TABLE IF NOT EXISTS floor_nonce (app_id text NOT NULL, nonce text NOT NULL, seen_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (app_id, nonce));
CREATE TABLE IF NOT EXISTS floor_channel (id text PRIMARY KEY, merchant_id text NOT NULL, version int NOT NULL, alipay_app_id text NOT NULL,
  private_key_sealed bytea NOT NULL, alipay_public_key text NOT NULL, enabled boolean NOT NULL DEFAULT true);
CREATE TABLE IF NOT EXISTS floor_grant (app_id text NOT NULL, merchant_id text NOT NULL, PRIMARY KEY (app_id, merchant_id));
CREATE TABLE IF NOT EXISTS floor_order (id bigserial PRIMARY KEY, app_id text NOT NULL, merchant_id text NOT NULL, order_no text NOT NULL,
  amount bigint NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (app_id, merchant_id, order_no));
CREATE TABLE IF NOT EXISTS floor_attempt (serial_no text PRIMARY KEY, order_id bigint NOT NULL REFERENCES floor_order, app_id text NOT NULL,
  channel_id text NOT NULL, amount bigint NOT NULL, subject text NOT NULL, notify_url text, status text NOT NULL, qr_code text, trade_no text,
  paid_at timestamptz, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS floor_notify (id bigserial PRIMARY KEY, channel_id text NOT NULL, raw text NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS floor_outbox (id bigserial PRIMARY KEY, app_id text NOT NULL, serial_no text NOT NULL, type text NOT NULL,
  body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS floor_outbox_app ON floor_outbox (app_id, id);
CREATE TABLE IF NOT EXISTS floor_delivery (event_id bigint PRIMARY KEY REFERENCES floor_outbox, url text NOT NULL, status text NOT NULL,
  attempts int NOT NULL DEFAULT 0, delivered_at timestamptz);
CREATE TABLE IF NOT EXISTS floor_webhook_attempt (id bigserial PRIMARY KEY, event_id bigint NOT NULL REFERENCES floor_delivery,
  status_code int, duration_ms int NOT NULL, attempted_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS floor_alipay_app (alipay_app_id text PRIMARY KEY, app_public_key text NOT NULL);
CREATE TABLE IF NOT EXISTS floor_alipay_trade (alipay_app_id text NOT NULL, out_trade_no text NOT NULL, trade_no text NOT NULL,
  total_amount text NOT NULL, subject text NOT NULL, status text NOT NULL, paid_at timestamptz, PRIMARY KEY (alipay_app_id, out_trade_no));
`;

/** AES-256-GCM under the floor process's master key: IV, tag, ciphertext. */
export function sealer(masterKey: Buffer) {
  return {
    seal(plain: string): Buffer {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
    },
    open(sealed: Buffer): string {
      const decipher = createDecipheriv('aes-256-gcm', masterKey, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
export type Sealer = ReturnType<typeof sealer>;

export interface FloorTenant {
  appId: string;
  secret: string;
  merchantId: string;
  paymentId: string;
  /** Alipay's own key pair: the floor's Alipay signs with the private half. */
  alipayPrivateKey: KeyObject;
}

const pem = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ format: 'pem', type }).toString();

export async function provisionFloor(pool: pg.Pool, seal: Sealer): Promise<FloorTenant> {
  await pool.query(SCHEMA);
  const suffix = randomBytes(6).toString('hex');
  const tenant = { appId: `fapp_${suffix}`, secret: randomBytes(32).toString('base64url'), merchantId: `fmer_${suffix}`, paymentId: `fpay_${suffix}` };
  const alipayAppId = `2021${BigInt(`0x${suffix}`).toString().padStart(12, '0')}`;
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await pool.query('INSERT INTO floor_app (id, secret_sealed) VALUES ($1, $2)', [tenant.appId, seal.seal(tenant.secret)]);
  await pool.query('INSERT INTO floor_grant (app_id, merchant_id) VALUES ($1, $2)', [tenant.appId, tenant.merchantId]);
  await pool.query(
    'INSERT INTO floor_channel (id, merchant_id, version, alipay_app_id, private_key_sealed, alipay_public_key) VALUES ($1, $2, 1, $3, $4, $5)',
    [tenant.paymentId, tenant.merchantId, alipayAppId, seal.seal(pem(merchant.privateKey, 'pkcs8')), pem(alipay.publicKey, 'spki')],
  );
  await pool.query('INSERT INTO floor_alipay_app (alipay_app_id, app_public_key) VALUES ($1, $2)', [alipayAppId, pem(merchant.publicKey, 'spki')]);
  return { ...tenant, alipayPrivateKey: alipay.privateKey };
}
