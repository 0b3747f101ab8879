import { db } from '@/server/db/client';
import type { App, Merchant, PaymentChannel, PropertyCompany } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';

export interface PaymentTarget {
  company: PropertyCompany;
  merchant: Merchant;
  channel: PaymentChannel;
}

/** The merchant of a live grant to the app; another app's or an unknown merchant is 403, never telling which. */
export async function findGrantedMerchant(options: { app: Pick<App, 'id'>; merchantId: string }): Promise<Merchant & { company: PropertyCompany }> {
  const grant = await db().appGrant.findUnique({
    where: { appId_merchantId: { appId: options.app.id, merchantId: options.merchantId } },
    include: { merchant: { include: { company: true } } },
  });
  if (!grant || grant.revokedAt) throw new AppError('MERCHANT_NOT_GRANTED');
  return grant.merchant;
}

/**
 * The merchant an app sends with a payment, refusing with the contract's errors: not granted as
 * findGrantedMerchant, a suspended company or disabled merchant is MERCHANT_DISABLED.
 */
export async function resolveGrantedMerchant(options: { app: Pick<App, 'id'>; merchantId: string }): Promise<Omit<PaymentTarget, 'channel'>> {
  const merchant = await findGrantedMerchant(options);
  if (merchant.company.status !== 'ACTIVE') throw new AppError('MERCHANT_DISABLED', 'The merchant’s property company is suspended.');
  if (merchant.status !== 'ACTIVE') throw new AppError('MERCHANT_DISABLED', 'The merchant is disabled.');
  return { company: merchant.company, merchant };
}

/** The merchant (as resolveGrantedMerchant) and the payment ID of a payment; a disabled channel is METHOD_NOT_SUPPORTED. */
export async function resolvePaymentChannel(options: { app: Pick<App, 'id'>; merchantId: string; paymentId: string }): Promise<PaymentTarget> {
  const { company, merchant } = await resolveGrantedMerchant(options);
  const channel = await db().paymentChannel.findUnique({ where: { id: options.paymentId } });
  if (!channel || channel.merchantId !== merchant.id) throw AppError.invalidFields({ paymentId: 'no such payment ID for this merchant' });
  if (channel.status !== 'ENABLED') throw new AppError('METHOD_NOT_SUPPORTED', 'This payment ID is disabled.', { paymentId: channel.id });
  return { company, merchant, channel };
}
