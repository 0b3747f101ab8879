import { z } from 'zod';
import { db } from '@/server/db/client';
import { SplitAccountType } from '@/server/db/generated/enums';
import { AppError } from '@/server/errors/app-error';
import { assertCan, assertInScope } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { findChannelInScope } from '@/server/backend/channels/find-channel';
import { sandboxProvisioner } from '@/server/backend/channels/sandbox-provisioner';
import { channelAppError } from '@/server/core/payments/channel-call';
import { splitsOf } from '@/server/core/splits/split-channel';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { newId } from '@/server/lib/ids';
import { seal } from '@/server/security/secret-box';
import { accountTypesOf, receiverView } from './receiver-view';
import { splitRatioCeilingBps } from './update-split-settings';

const RELATION_TYPES = ['SERVICE_PROVIDER', 'STORE', 'STAFF', 'STORE_OWNER', 'PARTNER', 'HEADQUARTER', 'BRAND', 'DISTRIBUTOR', 'USER', 'SUPPLIER', 'CUSTOM'] as const;

export const registerSplitReceiverInput = z
  .strictObject({
    paymentId: z.string().max(64),
    /** WeChat Pay: MERCHANT_ID or PERSONAL_OPENID; Alipay: ALIPAY_USER_ID (2088…) or ALIPAY_LOGON_ID (email or mobile). */
    accountType: z.enum(SplitAccountType),
    account: z.string().min(1).max(64),
    /** The merchant's registered full name, or the person's real name (optional for a person). */
    name: z.string().min(1).max(256).optional(),
    relationType: z.enum(RELATION_TYPES),
    customRelation: z.string().min(1).max(10).optional(),
  })
  .refine((input) => !['MERCHANT_ID', 'ALIPAY_LOGON_ID'].includes(input.accountType) || input.name, { error: 'is required for a merchant receiver or an Alipay logon name', path: ['name'] })
  .refine((input) => input.relationType !== 'CUSTOM' || input.customRelation, { error: 'is required with CUSTOM', path: ['customRelation'] });

export const removeSplitReceiverInput = z.strictObject({ receiverId: z.string().max(64) });

const nameAad = (receiverId: string) => `SplitReceiver:${receiverId}:name`;

async function splitAccess(paymentChannelId: string, channel: Parameters<typeof splitsOf>[0]) {
  return { splits: splitsOf(channel), account: await loadChannelAccount(paymentChannelId) };
}

/**
 * Registers a split receiver of a payment channel: binds it at the channel first (WeChat Pay
 * receivers/add, its name encrypted there), then records it with its name sealed at rest, audited.
 * The channel keeps one relation per account, so a failed record can simply be registered again.
 */
export async function registerSplitReceiver(options: {
  actor: Actor;
  input: z.infer<typeof registerSplitReceiverInput>;
  request?: RequestMeta;
  now?: Date;
  /** The demo seed binds through the sandbox provisioner: no server listens for the plugin's call yet. */
  bindAt?: 'CHANNEL' | 'SANDBOX_PROVISIONER';
}) {
  assertCan(options.actor, 'merchant.manage');
  const { input } = options;
  const now = options.now ?? new Date();
  const channel = await findChannelInScope(options.actor, input.paymentId);
  const active = await db().splitReceiver.findFirst({ where: { paymentChannelId: channel.id, accountType: input.accountType, account: input.account, status: 'ACTIVE' } });
  if (active) throw new AppError('CONFLICT', 'This account is already a receiver of the payment ID.', { receiverId: active.id });
  const binding = { accountType: input.accountType, account: input.account, name: input.name ?? null, relationType: input.relationType, customRelation: input.customRelation ?? null };
  const { splits, account } = await splitAccess(channel.id, channel);
  if (!splits.accountTypes.includes(input.accountType)) throw AppError.invalidFields({ accountType: `${channel.channel} splits to ${splits.accountTypes.join(' or ')} accounts` });
  const viaProvisioner = options.bindAt === 'SANDBOX_PROVISIONER' && channel.mode === 'SANDBOX';
  if (!viaProvisioner) {
    try {
      await splits.bindReceiver({ account, receiver: binding });
    } catch (error) {
      throw channelAppError(error);
    }
  }
  const id = newId('rcv');
  const receiver = await db().$transaction(async (tx) => {
    if (viaProvisioner) await sandboxProvisioner().bindSplitReceiver(tx, channel.id, binding);
    const created = await tx.splitReceiver.create({
      data: {
        id,
        companyId: channel.companyId,
        paymentChannelId: channel.id,
        channel: channel.channel,
        accountType: input.accountType,
        account: input.account,
        nameSealed: input.name ? seal(input.name, nameAad(id)) : null,
        relationType: input.relationType,
        customRelation: input.customRelation ?? null,
        boundAt: now,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'split-receiver.register',
      target: { type: 'SplitReceiver', id, companyId: channel.companyId },
      summary: { after: { paymentId: channel.id, accountType: input.accountType, account: input.account, relationType: input.relationType } },
      request: options.request,
    });
    return created;
  });
  return receiverView(receiver);
}

/** Unbinds a receiver at the channel and marks it REMOVED, audited; splits no longer accept it. */
export async function removeSplitReceiver(options: { actor: Actor; input: z.infer<typeof removeSplitReceiverInput>; request?: RequestMeta; now?: Date }) {
  assertCan(options.actor, 'merchant.manage');
  const now = options.now ?? new Date();
  const receiver = await db().splitReceiver.findUnique({ where: { id: options.input.receiverId }, include: { paymentChannel: true } });
  if (!receiver) throw new AppError('NOT_FOUND');
  assertInScope(options.actor, receiver.companyId);
  if (receiver.status === 'REMOVED') return receiverView(receiver);
  // A receiver is unbound even after splitting was switched off on its channel.
  const { splits, account } = await splitAccess(receiver.paymentChannelId, { ...receiver.paymentChannel, splitEnabled: true });
  try {
    await splits.unbindReceiver({ account, receiver: { accountType: receiver.accountType, account: receiver.account } });
  } catch (error) {
    throw channelAppError(error);
  }
  const removed = await db().$transaction(async (tx) => {
    const updated = await tx.splitReceiver.update({ where: { id: receiver.id }, data: { status: 'REMOVED', removedAt: now } });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'split-receiver.remove',
      target: { type: 'SplitReceiver', id: receiver.id, companyId: receiver.companyId },
      summary: { before: { status: receiver.status }, after: { status: 'REMOVED' } },
      request: options.request,
    });
    return updated;
  });
  return receiverView(removed);
}

/** A payment channel's split settings and receivers (removed ones too, for the record), within the actor's reach. */
export async function listSplitReceivers(options: { actor: Actor; paymentId: string }) {
  assertCan(options.actor, 'merchant.read');
  const channel = await findChannelInScope(options.actor, options.paymentId);
  const receivers = await db().splitReceiver.findMany({ where: { paymentChannelId: channel.id }, orderBy: { createdAt: 'asc' } });
  return {
    channel: {
      paymentId: channel.id,
      merchantId: channel.merchantId,
      channel: channel.channel,
      mode: channel.mode,
      status: channel.status,
      splitEnabled: channel.splitEnabled,
      maxSplitRatioBps: channel.maxSplitRatioBps,
      splitRatioCeilingBps: splitRatioCeilingBps(channel.channel),
      accountTypes: accountTypesOf(channel.channel),
    },
    receivers: receivers.map(receiverView),
  };
}
