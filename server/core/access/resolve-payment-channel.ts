import { db } from '@/server/db/client';
import type { App, Merchant, PaymentChannel, PropertyCompany } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { openChannelAccount, trustedKeysInclude } from '@/server/gateway/accounts/load-channel-account';
import type { ChannelAccount } from '@/server/gateway/types';

export interface PaymentTarget {
  company: PropertyCompany;
  merchant: Merchant;
  channel: PaymentChannel;
  /** The channel's account, opened for the call that follows. */
  account: ChannelAccount;
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
export async function resolveGrantedMerchant(options: { app: Pick<App, 'id'>; merchantId: string }): Promise<Omit<PaymentTarget, 'channel' | 'account'>> {
  return activeMerchant(await findGrantedMerchant(options));
}

function activeMerchant<M extends Merchant & { company: PropertyCompany }>(merchant: M): { company: PropertyCompany; merchant: M } {
  if (merchant.company.status !== 'ACTIVE') throw new AppError('MERCHANT_DISABLED', 'The merchant’s property company is suspended.');
  if (merchant.status !== 'ACTIVE') throw new AppError('MERCHANT_DISABLED', 'The merchant is disabled.');
  return { company: merchant.company, merchant };
}

/**
 * The merchant (as resolveGrantedMerchant) and the payment ID of a payment, with its account opened;
 * a disabled channel is METHOD_NOT_SUPPORTED. Grant, merchant, company, channel and trusted keys are
 * one statement (relation joins): every payment request runs it.
 */
export async function resolvePaymentChannel(options: { app: Pick<App, 'id'>; merchantId: string; paymentId: string; now?: Date }): Promise<PaymentTarget> {
  const grant = await db().appGrant.findUnique({
    where: { appId_merchantId: { appId: options.app.id, merchantId: options.merchantId } },
    include: { merchant: { include: { company: true, channels: { where: { id: options.paymentId }, include: trustedKeysInclude(options.now ?? new Date()) } } } },
  });
  if (!grant || grant.revokedAt) throw new AppError('MERCHANT_NOT_GRANTED');
  const { company, merchant } = activeMerchant(grant.merchant);
  const { channels, ...merchantRow } = merchant;
  const [row] = channels;
  if (!row) throw AppError.invalidFields({ paymentId: 'no such payment ID for this merchant' });
  if (row.status !== 'ENABLED') throw new AppError('METHOD_NOT_SUPPORTED', 'This payment ID is disabled.', { paymentId: row.id });
  return { company, merchant: merchantRow, channel: row, account: openChannelAccount(row) };
}
