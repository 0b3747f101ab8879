// POST /v3/profitsharing/receivers/add and /delete. A merchant splits only to receivers it added; a
// receiver's name arrives RSA-OAEP encrypted with the platform key named by Wechatpay-Serial.
import { constants, privateDecrypt } from 'node:crypto';
import { z } from 'zod';
import { db, type Db, type Tx } from '@/server/db/client';
import type { SplitReceiverBinding } from '@/server/backend/channels/sandbox-provisioner';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';
import { WechatpayApiError, paramError, resourceNotExists } from '../api-error';
import { parseBody } from '../request-body';
import { signingSerial } from '../simulator-signature';
import type { VerifiedRequest } from '../verify-request';

const RELATION_TYPES = ['STORE', 'STAFF', 'STORE_OWNER', 'PARTNER', 'HEADQUARTER', 'BRAND', 'DISTRIBUTOR', 'USER', 'SUPPLIER', 'SERVICE_PROVIDER', 'CUSTOM'] as const;

export const receiverType = z.enum(['MERCHANT_ID', 'PERSONAL_OPENID'], { error: '须为 MERCHANT_ID 或 PERSONAL_OPENID' });
const account = z.string({ error: '必填' }).min(1, { error: '必填' }).max(64);

const addBody = z.looseObject({
  appid: z.string({ error: '必填' }).min(1).max(32),
  type: receiverType,
  account,
  name: z.string().min(1).max(1024).optional(),
  relation_type: z.enum(RELATION_TYPES, { error: '不是有效的关系类型' }),
  custom_relation: z.string().min(1).max(10).optional(),
});

const deleteBody = z.looseObject({ appid: z.string({ error: '必填' }).min(1).max(32), type: receiverType, account });

function checkAppId(request: VerifiedRequest, appId: string): void {
  if (appId !== request.merchant.appId) throw new WechatpayApiError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
}

/** The name in clear, after checking it was encrypted with the key the merchant named. */
async function decryptName(request: VerifiedRequest, ciphertext: string): Promise<string> {
  if (request.wechatpaySerial !== (await signingSerial(request.merchant.verifyMode))) {
    throw new WechatpayApiError(400, 'PARAM_ERROR', 'Wechatpay-Serial 与平台证书或微信支付公钥不匹配', { field: 'Wechatpay-Serial', location: 'header' });
  }
  const { privateKeyPem } = await sandboxIdentity('WECHATPAY');
  try {
    return privateDecrypt({ key: privateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(ciphertext, 'base64')).toString('utf8');
  } catch {
    throw paramError('name', '敏感信息解密失败，请使用微信支付平台公钥加密');
  }
}

/** WeChat keeps one relation per (type, account): adding again updates it. */
async function upsertReceiver(client: Db | Tx, mchId: string, receiver: SplitReceiverBinding): Promise<void> {
  const key = { mchId, type: receiver.accountType, account: receiver.account };
  const fields = { name: receiver.name, relationType: receiver.relationType, customRelation: receiver.customRelation };
  await client.sandboxWechatReceiver.upsert({ where: { mchId_type_account: key }, create: { ...key, ...fields }, update: fields });
}

export async function addReceiver(request: VerifiedRequest): Promise<Record<string, unknown>> {
  const body = parseBody(addBody, request.body);
  checkAppId(request, body.appid);
  if (body.type === 'MERCHANT_ID' && !body.name) throw paramError('name', '接收方类型为商户时必填');
  if (body.relation_type === 'CUSTOM' && !body.custom_relation) throw paramError('custom_relation', '关系类型为 CUSTOM 时必填');
  const name = body.name ? await decryptName(request, body.name) : null;
  await upsertReceiver(db(), request.merchant.mchId, { accountType: body.type, account: body.account, name, relationType: body.relation_type, customRelation: body.custom_relation ?? null });
  return { type: body.type, account: body.account, relation_type: body.relation_type, ...(body.custom_relation ? { custom_relation: body.custom_relation } : {}) };
}

/** The provisioner's direct binding (the demo seed): the receiver as /receivers/add would record it. */
export async function bindWechatpayReceiver(tx: Tx, paymentChannelId: string, receiver: SplitReceiverBinding): Promise<void> {
  const merchant = await tx.sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId } });
  await upsertReceiver(tx, merchant.accountId, receiver);
}

export async function deleteReceiver(request: VerifiedRequest): Promise<Record<string, unknown>> {
  const body = parseBody(deleteBody, request.body);
  checkAppId(request, body.appid);
  const removed = await db().sandboxWechatReceiver.deleteMany({ where: { mchId: request.merchant.mchId, type: body.type, account: body.account } });
  if (removed.count === 0) throw resourceNotExists('分账接收方不存在');
  return { type: body.type, account: body.account };
}
