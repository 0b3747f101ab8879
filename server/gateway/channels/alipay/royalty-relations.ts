import { randomBytes } from 'node:crypto';
import { ChannelError } from '@/server/gateway/channel-error';
import type { BindReceiverInput, ChannelAccount, SplitAccount } from '@/server/gateway/types';
import { callAlipay, requireSuccess } from './alipay-client';
import { alipayAccountType } from './royalty-accounts';

type RelationMethod = 'alipay.trade.royalty.relation.bind' | 'alipay.trade.royalty.relation.unbind';

/**
 * One royalty-relation call for one receiver. Alipay keeps one relation per (type, account), so
 * binding or unbinding again changes nothing: out_request_no need only be new, not remembered.
 */
async function changeRelation(account: ChannelAccount, method: RelationMethod, receiver: Record<string, string>): Promise<{ raw: unknown }> {
  const result = requireSuccess(await callAlipay(account, method, { receiver_list: [receiver], out_request_no: randomBytes(16).toString('hex') }));
  if (result.result_code !== 'SUCCESS') {
    throw new ChannelError({ channelCode: 'ROYALTY_RELATION_FAIL', channelMessage: `Alipay answered result_code ${String(result.result_code)} to ${method}`, retryable: false, raw: result });
  }
  return { raw: result };
}

/** alipay.trade.royalty.relation.bind: the name in clear (Alipay checks it against the account); the relation as memo. */
export async function bindReceiver(input: BindReceiverInput): Promise<{ raw: unknown }> {
  const { receiver } = input;
  return changeRelation(input.account, 'alipay.trade.royalty.relation.bind', {
    type: alipayAccountType(receiver.accountType),
    account: receiver.account,
    ...(receiver.name ? { name: receiver.name } : {}),
    memo: receiver.customRelation ?? receiver.relationType,
  });
}

/** alipay.trade.royalty.relation.unbind. */
export async function unbindReceiver(input: { account: ChannelAccount; receiver: SplitAccount }): Promise<{ raw: unknown }> {
  return changeRelation(input.account, 'alipay.trade.royalty.relation.unbind', { type: alipayAccountType(input.receiver.accountType), account: input.receiver.account });
}
