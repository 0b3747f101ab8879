import type { Channel, SplitReceiver } from '@/server/db/generated/client';
import { SplitAccountType } from '@/server/db/generated/enums';

/**
 * The account types each channel binds. WeChat Pay knows a merchant id or a person's openid; a
 * channel not named here takes every type of the enum and its plugin maps them.
 */
const ACCOUNT_TYPES: Partial<Record<Channel, readonly SplitAccountType[]>> = {
  WECHATPAY: ['MERCHANT_ID', 'PERSONAL_OPENID'],
};

export function accountTypesOf(channel: Channel): readonly SplitAccountType[] {
  return ACCOUNT_TYPES[channel] ?? Object.values(SplitAccountType);
}

/** A merchant id is a business identifier, shown whole; a person's account keeps only its ends. */
export function maskedAccount(receiver: Pick<SplitReceiver, 'accountType' | 'account'>): string {
  const { accountType, account } = receiver;
  if (accountType === 'MERCHANT_ID') return account;
  return account.length > 8 ? `${account.slice(0, 4)}****${account.slice(-4)}` : '****';
}

/** A receiver as staff see it: its name never in clear, a person's account masked. */
export function receiverView(receiver: SplitReceiver) {
  const { nameSealed, account, ...rest } = receiver;
  return { ...rest, account: maskedAccount({ accountType: receiver.accountType, account }), hasName: nameSealed !== null };
}

export type ReceiverView = ReturnType<typeof receiverView>;
