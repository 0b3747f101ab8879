// A flood of forged callbacks cannot fill the database: per payment ID (per channel for payment IDs
// that name no account) and hour, the first rejected callbacks keep their content, the rest only
// their outcome; each is still counted and alerted. A verified callback is always kept in full.
import { beforeAll, describe, expect, it } from 'vitest';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { db } from '@/server/db/client';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { signEasypayParams } from '@/server/gateway/channels/easypay/md5-sign';
import { newId } from '@/server/lib/ids';
import { metrics } from '@/server/observability/metrics';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { REJECTED_CONTENT_CAP } from './record-rejected-callback';
import { receiveNotification } from './receive-notification';

let paymentId: string;
let pid: string;
let key: string;

beforeAll(async () => {
  const companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(await platformAdmin())).id);
  const merchant = await createMerchant({ actor: companyAdmin, input: { name: '花园小区', description: null } });
  ({ paymentId } = await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'EASYPAY', mode: 'SANDBOX', invokeMethods: ['PC'] } }));
  const { credentials } = await loadChannelAccount(paymentId);
  if (credentials.channel !== 'EASYPAY') throw new Error('not an EasyPay account');
  ({ pid, key } = credentials);
});

const BIG = 'x'.repeat(60 * 1024);
const forged = (to: string, serialNo = 'P-forged') =>
  receiveNotification({ channel: 'EASYPAY', paymentId: to, method: 'POST', headers: { 'x-flood': 'yes' }, query: '', body: `pid=1&out_trade_no=${serialNo}&money=1.00&sign=bad&pad=${BIG}` });
const rows = (where: { paymentChannelId: string | { in: string[] } }) => db().channelNotification.findMany({ where, orderBy: { receivedAt: 'asc' } });
const dropped = async () => (await metrics().callbackContentDropped.get()).values.find((v) => v.labels.channel === 'EASYPAY')?.value ?? 0;
const alertOf = (subject: string) => db().alert.findFirstOrThrow({ where: { kind: 'CALLBACK_REJECTED', subject } });

describe('rejected callbacks beyond the storage cap', () => {
  it('keep their outcome but not their content, are still counted and alerted, and a new hour starts over', async () => {
    const droppedBefore = await dropped();
    for (let i = 0; i < REJECTED_CONTENT_CAP + 5; i += 1) expect(await forged(paymentId)).toMatchObject({ status: 200, body: 'fail' });

    const stored = await rows({ paymentChannelId: paymentId });
    expect(stored).toHaveLength(REJECTED_CONTENT_CAP + 5);
    expect(stored.every((row) => row.outcome === 'REJECTED' && row.verified === false && row.reason === 'SIGNATURE_INVALID' && row.serialNo === 'P-forged')).toBe(true);
    const kept = stored.filter((row) => row.contentStored);
    expect(kept).toHaveLength(REJECTED_CONTENT_CAP);
    expect(kept.every((row) => row.body.endsWith(BIG) && (row.headers as Record<string, string>)['x-flood'] === 'yes')).toBe(true);
    expect(stored.filter((row) => !row.contentStored).map((row) => [row.body, row.query, row.headers])).toEqual(Array.from({ length: 5 }, () => ['', '', {}]));
    expect(await dropped()).toBe(droppedBefore + 5);
    expect((await alertOf(`callbacks:${paymentId}`)).occurrences).toBe(REJECTED_CONTENT_CAP + 5);

    // An hour later the payment ID has its full allowance again.
    await db().rejectedCallbackWindow.update({ where: { key: paymentId }, data: { windowStart: new Date(Date.now() - 3_600_000) } });
    await forged(paymentId);
    expect((await rows({ paymentChannelId: paymentId })).at(-1)).toMatchObject({ contentStored: true });
  });

  it('share one allowance per channel when they name made-up payment IDs', async () => {
    const madeUp = Array.from({ length: REJECTED_CONTENT_CAP + 3 }, () => newId('pay'));
    for (const to of madeUp) expect(await forged(to)).toMatchObject({ status: 404 });
    const stored = await rows({ paymentChannelId: { in: madeUp } });
    expect(stored).toHaveLength(madeUp.length);
    expect(stored.filter((row) => !row.contentStored)).toHaveLength(3);
    expect((await alertOf('callbacks:EASYPAY:unknown-payment-id')).occurrences).toBe(madeUp.length);
  });

  it('never apply to a verified callback, which is stored in full', async () => {
    for (let i = 0; i < REJECTED_CONTENT_CAP + 1; i += 1) await forged(paymentId);
    const signed = new URLSearchParams(signEasypayParams({ pid, trade_no: 'T1', out_trade_no: 'P-not-ours', type: 'alipay', name: 'x', money: '1.00', trade_status: 'TRADE_SUCCESS', pad: BIG }, key)).toString();
    expect(await receiveNotification({ channel: 'EASYPAY', paymentId, method: 'GET', headers: { 'x-real': 'yes' }, query: signed, body: '' })).toMatchObject({ body: 'success' });
    expect(await db().channelNotification.findFirstOrThrow({ where: { paymentChannelId: paymentId, verified: true } })).toMatchObject({
      contentStored: true,
      query: signed,
      headers: { 'x-real': 'yes' },
      outcome: 'REJECTED',
      reason: 'no such payment for this payment ID',
    });
  });
});
