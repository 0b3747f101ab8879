import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { CHANNEL_INVOKE_METHODS } from '@/server/contract/invoke-methods';
import { sealCredentials } from '@/server/gateway/accounts/sealed-credentials';
import { trustedMaterialOf } from '@/server/gateway/credentials/trusted-material';
import { validateCredentials } from '@/server/gateway/credentials/validate-credentials';
import { newId } from '@/server/lib/ids';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { findMerchantInScope } from '@/server/backend/merchants/find-merchant';
import { channelView } from './channel-view';
import { publicConfigOf } from './public-config';
import { recordTrustedMaterial } from '@/server/gateway/accounts/record-trusted-material';
import { sandboxProvisioner } from './sandbox-provisioner';

export const invokeMethodsInput = z
  .array(z.enum(['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR']))
  .min(1, { error: 'enable at least one invoke method' });

export const activateChannelInput = z.object({
  merchantId: z.string().max(64),
  channel: z.enum(['ALIPAY', 'WECHATPAY', 'EASYPAY']),
  mode: z.enum(['LIVE', 'SANDBOX']),
  invokeMethods: invokeMethodsInput,
  /** The channel parameters (LIVE only); validated per channel, field by field. */
  credentials: z.unknown().optional(),
  /** Sandbox WeChat Pay only: which of WeChat's verification modes the merchant is in (default PUBLIC_KEY). */
  wechatVerifyMode: z.enum(['PLATFORM_CERT', 'PUBLIC_KEY']).optional(),
  /** Sandbox Alipay only: public key mode or certificate mode, whose certificates the simulator issues (default PUBLIC_KEY). */
  alipaySignMode: z.enum(['PUBLIC_KEY', 'CERT']).optional(),
});

export function assertMethodsSupported(channel: Channel, methods: readonly string[]): void {
  const unsupported = methods.filter((m) => !(CHANNEL_INVOKE_METHODS[channel] as readonly string[]).includes(m));
  if (unsupported.length) throw AppError.invalidFields({ invokeMethods: `${channel} does not support ${unsupported.join(', ')}` });
}

/**
 * Activates a channel for a merchant and issues its payment ID. LIVE channels take the channel
 * parameters the company entered (validated per field); SANDBOX channels get generated keys
 * registered with the built-in simulator, through the sandbox provisioner. Credentials are sealed
 * at rest; the whitelist starts with the channel keys and certificates they contain.
 */
export async function activateChannel(options: { actor: Actor; input: z.infer<typeof activateChannelInput>; request?: RequestMeta }) {
  const { actor, input } = options;
  assertCan(actor, 'merchant.manage');
  const merchant = await findMerchantInScope(actor, input.merchantId);
  const invokeMethods = [...new Set(input.invokeMethods)];
  assertMethodsSupported(input.channel, invokeMethods);
  if (input.wechatVerifyMode && (input.channel !== 'WECHATPAY' || input.mode !== 'SANDBOX')) {
    throw AppError.invalidFields({ wechatVerifyMode: 'only for WeChat Pay channels in sandbox mode; a live channel takes credentials.verifyMode' });
  }
  if (input.alipaySignMode && (input.channel !== 'ALIPAY' || input.mode !== 'SANDBOX')) {
    throw AppError.invalidFields({ alipaySignMode: 'only for Alipay channels in sandbox mode; a live channel takes credentials.signMode' });
  }
  const sandbox = input.mode === 'SANDBOX' ? sandboxProvisioner() : null;
  const credentials = sandbox
    ? await sandbox.credentials({ channel: input.channel, wechatVerifyMode: input.wechatVerifyMode ?? 'PUBLIC_KEY', alipaySignMode: input.alipaySignMode ?? 'PUBLIC_KEY' })
    : validateCredentials(input.channel, input.credentials ?? {});

  const id = newId('pay');
  const row = await db().$transaction(async (tx) => {
    const created = await tx.paymentChannel.create({
      data: {
        id,
        merchantId: merchant.id,
        companyId: merchant.companyId,
        channel: input.channel,
        mode: input.mode,
        invokeMethods,
        publicConfig: publicConfigOf(credentials),
        credentialsSealed: sealCredentials(id, credentials),
      },
    });
    await recordTrustedMaterial(tx, created, trustedMaterialOf(credentials.channel, credentials), 'ACTIVATION');
    if (sandbox) await sandbox.register(tx, id, credentials);
    await recordAudit(tx, {
      actor,
      action: 'channel.activate',
      target: { type: 'PaymentChannel', id, companyId: merchant.companyId },
      summary: { merchantId: merchant.id, channel: input.channel, mode: input.mode, invokeMethods, credentials: created.publicConfig },
      request: options.request,
    });
    return tx.paymentChannel.findUniqueOrThrow({ where: { id }, include: { trusted: true } });
  });
  return channelView(row);
}
