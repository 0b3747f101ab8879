import type { BindReceiverInput, ChannelAccount, SplitAccount } from '@/server/gateway/types';
import { encryptSensitive } from './sensitive-field';
import { callWechatPay, requireSuccess, verifiedErrorCode } from './wechatpay-client';

/**
 * POST /v3/profitsharing/receivers/add. WeChat keeps one relation per (type, account), so adding an
 * existing receiver again is accepted: binding is safe to retry. The name goes encrypted.
 */
export async function bindReceiver(input: BindReceiverInput): Promise<{ raw: unknown }> {
  const { receiver } = input;
  const answer = await callWechatPay(input.account, (client) => {
    const name = receiver.name ? encryptSensitive(client, input.account, receiver.name) : null;
    return client.profitsharing_receivers_add({
      type: receiver.accountType,
      account: receiver.account,
      ...(name ? { name: name.ciphertext, wx_serial_no: name.serial } : {}),
      relation_type: receiver.relationType,
      ...(receiver.customRelation ? { custom_relation: receiver.customRelation } : {}),
    });
  });
  return { raw: requireSuccess(answer) };
}

/** POST /v3/profitsharing/receivers/delete; a receiver WeChat no longer knows is unbound already. */
export async function unbindReceiver(input: { account: ChannelAccount; receiver: SplitAccount }): Promise<{ raw: unknown }> {
  const answer = await callWechatPay(input.account, (client) => client.profitsharing_receivers_delete({ type: input.receiver.accountType, account: input.receiver.account }));
  if (verifiedErrorCode(answer) === 'RESOURCE_NOT_EXISTS') return { raw: answer.data };
  return { raw: requireSuccess(answer) };
}
