import type { SplitAccountType } from '@/server/db/generated/client';
import { ChannelError } from '@/server/gateway/channel-error';
import type { SplitAccount } from '@/server/gateway/types';
import { invalidAnswer } from './error-map';

/** Our account types of royalty receivers and Alipay's names of them (receiver_list.type, trans_in_type, trans_out_type). */
const ACCOUNT_TYPES = [
  ['ALIPAY_USER_ID', 'userId'],
  ['ALIPAY_LOGON_ID', 'loginName'],
] as const satisfies ReadonlyArray<readonly [SplitAccountType, string]>;

/** The receiver accounts Alipay splits to. */
export const ALIPAY_SPLIT_ACCOUNT_TYPES: readonly SplitAccountType[] = ACCOUNT_TYPES.map(([ours]) => ours);

/** Alipay's name of an account type; a receiver of another channel's type is refused, never sent. */
export function alipayAccountType(type: SplitAccountType): string {
  const found = ACCOUNT_TYPES.find(([ours]) => ours === type);
  if (!found) throw new ChannelError({ channelCode: 'ACCOUNT_TYPE_NOT_SUPPORTED', channelMessage: `Alipay splits to no ${type} account`, retryable: false });
  return found[1];
}

/** An account as Alipay names it in an answer, back in our terms. */
export function splitAccountOf(alipayType: unknown, account: unknown, raw: unknown): SplitAccount {
  const found = ACCOUNT_TYPES.find(([, theirs]) => theirs === alipayType);
  if (!found || typeof account !== 'string') throw invalidAnswer(`Alipay answered a royalty account of unknown type ${String(alipayType)}`, raw);
  return { accountType: found[0], account };
}
