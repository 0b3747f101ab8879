import type { Channel, SplitReceiver } from '@/server/db/generated/client';
import type { SplitAccountType } from '@/server/db/generated/enums';
import { pluginFor } from '@/server/gateway/registry';

/** The account types the channel's plugin binds; none where the channel does not split. */
export function accountTypesOf(channel: Channel): readonly SplitAccountType[] {
  const { splits } = pluginFor(channel);
  return splits.kind === 'SUPPORTED' ? splits.accountTypes : [];
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
