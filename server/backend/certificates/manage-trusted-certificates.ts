import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { trustedView } from '@/server/backend/channels/channel-view';
import { describeTrustedPem } from '@/server/gateway/credentials/trusted-material';
import { findChannelInScope } from '@/server/backend/channels/find-channel';
import { recordTrustedMaterial } from '@/server/gateway/accounts/record-trusted-material';

export const addTrustedCertificateInput = z.object({
  paymentId: z.string().max(64),
  pem: z.string().min(1).max(20_000),
  /** For a WeChat Pay public key: the PUB_KEY_ID_... it is sent under. */
  publicKeyId: z.string().max(64).optional(),
});

/** Trusts one more channel certificate or public key for a payment channel's callbacks and responses. */
export async function addTrustedCertificate(options: { actor: Actor; input: z.infer<typeof addTrustedCertificateInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'merchant.manage');
  const { paymentId, pem, publicKeyId } = options.input;
  const channel = await findChannelInScope(options.actor, paymentId);
  if (channel.channel === 'EASYPAY') throw AppError.invalidFields({ pem: 'EasyPay signs with the shared MD5 key; it has no certificates' });
  const material = describeTrustedPem(pem, { channel: channel.channel, publicKeyId });
  return db().$transaction(async (tx) => {
    const added = await recordTrustedMaterial(tx, channel, [material], 'MANUAL');
    if (added === 0) throw new AppError('CONFLICT', 'This certificate or key is already trusted for the channel.');
    const row = await tx.trustedCertificate.findFirstOrThrow({ where: { paymentChannelId: paymentId, fingerprint: material.fingerprint, revokedAt: null } });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'certificate.add',
      target: { type: 'TrustedCertificate', id: row.id, companyId: channel.companyId },
      summary: { paymentId, kind: row.kind, serial: row.serial, subject: row.subject, validTo: row.validTo?.toISOString() ?? null },
      request: options.request,
    });
    return trustedView(row);
  });
}

export const revokeTrustedCertificateInput = z.object({ certificateId: z.string().max(64) });

/** A revoked entry no longer verifies anything; the row stays for the record. */
export async function revokeTrustedCertificate(options: { actor: Actor; input: z.infer<typeof revokeTrustedCertificateInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'merchant.manage');
  return db().$transaction(async (tx) => {
    const row = await tx.trustedCertificate.findUnique({ where: { id: options.input.certificateId } });
    if (!row) throw new AppError('NOT_FOUND');
    await findChannelInScope(options.actor, row.paymentChannelId, tx);
    if (row.revokedAt) return trustedView(row);
    const revoked = await tx.trustedCertificate.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'certificate.revoke',
      target: { type: 'TrustedCertificate', id: row.id, companyId: row.companyId },
      summary: { paymentId: row.paymentChannelId, serial: row.serial, subject: row.subject },
      request: options.request,
    });
    return trustedView(revoked);
  });
}
