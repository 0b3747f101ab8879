// alipay.trade.royalty.relation.bind / .unbind: an app settles only to receivers it bound. Alipay keeps
// one relation per (type, account): binding again updates it, unbinding one that is gone changes nothing.
import { z } from 'zod';
import { db, type Db, type Tx } from '@/server/db/client';
import type { SplitReceiverBinding } from '@/server/backend/channels/sandbox-provisioner';
import { alipayAccountType } from '@/server/gateway/channels/alipay/royalty-accounts';
import { parseBiz } from '../biz-content';
import { invalidParameter } from '../gateway-error';
import type { AlipayPayload } from '../gateway-response';
import type { GatewayRequest } from '../verify-gateway-request';

/** Alipay's account types of a royalty receiver: a user id (2088 and 12 digits) or a logon name (email or mobile). */
export const royaltyAccountType = z.enum(['userId', 'loginName'], { error: '须为 userId 或 loginName' });

const USER_ID = /^2088\d{12}$/;

/** An account of its type, or Alipay's ACQ.INVALID_PARAMETER naming the field. */
export function checkRoyaltyAccount(field: string, type: z.infer<typeof royaltyAccountType>, account: string): void {
  if (type === 'userId' && !USER_ID.test(account)) throw invalidParameter(`${field} 类型为 userId 时须为 2088 开头的 16 位数字`);
}

const requestNo = z.string().regex(/^[A-Za-z0-9_]{1,32}$/, { error: '只能由字母、数字、下划线组成，且不超过 32 个字符' });

const bindBiz = z.looseObject({
  out_request_no: requestNo,
  receiver_list: z
    .array(z.looseObject({ type: royaltyAccountType, account: z.string().min(1).max(100), name: z.string().min(1).max(128).optional(), memo: z.string().max(1000).optional() }))
    .min(1)
    .max(20),
});

const unbindBiz = z.looseObject({
  out_request_no: requestNo,
  receiver_list: z.array(z.looseObject({ type: royaltyAccountType, account: z.string().min(1).max(100) })).min(1).max(20),
});

interface Relation {
  type: string;
  account: string;
  name: string | null;
  memo: string | null;
}

async function upsertRelation(client: Db | Tx, appId: string, relation: Relation): Promise<void> {
  const key = { appId, type: relation.type, account: relation.account };
  const fields = { name: relation.name, memo: relation.memo };
  await client.sandboxAlipayRoyaltyRelation.upsert({ where: { appId_type_account: key }, create: { ...key, ...fields }, update: fields });
}

const SUCCESS = { code: '10000', msg: 'Success', result_code: 'SUCCESS' } as const;

export async function royaltyRelationBind(request: GatewayRequest): Promise<AlipayPayload> {
  const biz = parseBiz(bindBiz, request.bizContent);
  biz.receiver_list.forEach((receiver, i) => {
    checkRoyaltyAccount(`receiver_list[${i}].account`, receiver.type, receiver.account);
    // Alipay checks a logon name against the account holder's real name, so it needs one.
    if (receiver.type === 'loginName' && !receiver.name) throw invalidParameter(`receiver_list[${i}].name 类型为 loginName 时必填`);
  });
  for (const receiver of biz.receiver_list) {
    await upsertRelation(db(), request.appId, { type: receiver.type, account: receiver.account, name: receiver.name ?? null, memo: receiver.memo ?? null });
  }
  return SUCCESS;
}

export async function royaltyRelationUnbind(request: GatewayRequest): Promise<AlipayPayload> {
  const biz = parseBiz(unbindBiz, request.bizContent);
  await db().sandboxAlipayRoyaltyRelation.deleteMany({ where: { appId: request.appId, OR: biz.receiver_list.map(({ type, account }) => ({ type, account })) } });
  return SUCCESS;
}

/** The provisioner's direct binding (the demo seed): the receiver as relation.bind would record it. */
export async function bindAlipayReceiver(tx: Tx, paymentChannelId: string, receiver: SplitReceiverBinding): Promise<void> {
  const app = await tx.sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId } });
  await upsertRelation(tx, app.accountId, { type: alipayAccountType(receiver.accountType), account: receiver.account, name: receiver.name, memo: receiver.customRelation ?? receiver.relationType });
}
