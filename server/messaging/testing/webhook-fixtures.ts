// For integration tests of webhook delivery: committed events of a real tenant with a notify URL.
import { openAppSecret } from '@/server/security/app-secret';
import { insertPayment, makeShop, type Shop } from '@/server/backend/payments/testing/payment-rows';
import { toPaymentObject } from '@/server/contract/payment';
import { db } from '@/server/db/client';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { writeOutboxEvent } from '../write-outbox-event';

/** The lease a new event's delivery is written with, let go as if its writer had died: nobody attempts it until a test does. */
export async function releaseFirstAttempt(eventId: string): Promise<void> {
  await db().webhookDelivery.update({ where: { eventId }, data: { leaseUntil: null } });
}

export async function webhookShop(): Promise<Shop & { secret: string }> {
  const admin = await platformAdmin();
  const company = await makeCompany(admin);
  const shop = await makeShop(admin, { ...(await makeUser('COMPANY_ADMIN', company.id)), companyId: company.id });
  const secret = openAppSecret(await db().appSecret.findFirstOrThrow({ where: { appId: shop.appId } }));
  return { ...shop, secret };
}

/**
 * A paid payment whose payment.succeeded event is committed with its delivery to `notifyUrl`,
 * without the in-process first attempt (so a test drives every attempt itself). Answers the event id.
 */
export async function committedEvent(shop: Shop, notifyUrl: string): Promise<string> {
  const { order, payment } = await insertPayment(shop, { status: 'SUCCEEDED' });
  const withUrl = await db().payment.update({ where: { serialNo: payment.serialNo }, data: { notifyUrl } });
  const { eventId } = await db().$transaction((tx) =>
    writeOutboxEvent(tx, { type: 'payment.succeeded', appId: shop.appId, companyId: shop.companyId, livemode: false, serialNo: payment.serialNo, notifyUrl, data: { payment: toPaymentObject(withUrl, order) } }),
  );
  await releaseFirstAttempt(eventId);
  return eventId;
}
