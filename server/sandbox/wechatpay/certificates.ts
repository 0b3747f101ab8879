// GET /v3/certificates: the platform certificate(s), each encrypted with the asking merchant's APIv3
// key (associated data "certificate"), with its serial and validity.
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { encryptResource } from './aead';
import { merchantApiV3Key } from './merchant-account';
import { sandboxPlatformCertificate } from './platform-certificate';
import type { VerifiedRequest } from './verify-request';

export async function listCertificates(request: VerifiedRequest): Promise<Record<string, unknown>> {
  const platform = await sandboxPlatformCertificate();
  const apiV3Key = await merchantApiV3Key(request.merchant.mchId);
  return {
    data: [
      {
        serial_no: platform.serial,
        effective_time: toWechatTime(new Date(platform.certificate.validFrom)),
        expire_time: toWechatTime(new Date(platform.certificate.validTo)),
        encrypt_certificate: encryptResource(apiV3Key, 'certificate', platform.pem),
      },
    ],
  };
}
