// The simulator's WeChat Pay platform certificate: its signing key wrapped in a certificate, as WeChat
// issues one per platform key. Made once per database, the first time a merchant needs it.
import { randomBytes, X509Certificate } from 'node:crypto';
import { db } from '@/server/db/client';
import { sandboxIdentity, type SandboxIdentity } from '@/server/sandbox/sandbox-identity';
import { buildSelfSignedCertificate } from '@/server/sandbox/certificate/issue-certificate';

const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface PlatformCertificate {
  pem: string;
  serial: string;
  certificate: X509Certificate;
}

/** 20 random bytes, upper-case hex, high bit clear so the DER integer needs no sign byte. */
function newSerial(): string {
  const bytes = randomBytes(20);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex').toUpperCase();
}

function build(identity: SandboxIdentity, now: Date): X509Certificate {
  return buildSelfSignedCertificate({
    privateKeyPem: identity.privateKeyPem,
    serialHex: newSerial(),
    issuer: [['C', 'CN'], ['O', 'PayCenter Sandbox'], ['OU', 'PayCenter Sandbox CA Center'], ['CN', 'PayCenter Sandbox Root CA']],
    subject: [['C', 'CN'], ['ST', 'Sandbox'], ['L', 'Sandbox'], ['O', 'PayCenter Sandbox WeChat Pay'], ['OU', 'PayCenter Sandbox WeChat Pay'], ['CN', 'PayCenter Sandbox WeChat Pay Platform']],
    // A day back, so a client whose clock runs a little behind still finds it valid.
    notBefore: new Date(now.getTime() - 24 * 3600 * 1000),
    notAfter: new Date(now.getTime() + 5 * YEAR_MS),
  });
}

export async function sandboxPlatformCertificate(now = new Date()): Promise<PlatformCertificate> {
  let identity = await sandboxIdentity('WECHATPAY');
  if (!identity.certificatePem) {
    const certificate = build(identity, now);
    // Only the first instance's certificate is kept; the others read it back.
    await db().sandboxIdentity.updateMany({
      where: { channel: 'WECHATPAY', certificatePem: null },
      data: { certificatePem: certificate.toString(), certificateSerial: certificate.serialNumber.toUpperCase() },
    });
    identity = await sandboxIdentity('WECHATPAY');
  }
  const certificate = new X509Certificate(identity.certificatePem!);
  return { pem: identity.certificatePem!, serial: identity.certificateSerial!, certificate };
}
