// alipay.open.app.alipaycert.download: one of Alipay's public-key certificates by its SN, base64 of the
// PEM chain. The official SDKs call it when an answer names an alipay_cert_sn they do not know (Alipay
// renewed its certificate) and trust what comes back only if it chains to the root bundle they hold.
import { z } from 'zod';
import { alipayCertificateChain } from '../certificates/alipay-certificate-authority';
import { parseBiz } from '../biz-content';
import { businessError } from '../gateway-error';
import type { AlipayPayload } from '../gateway-response';
import type { GatewayRequest } from '../verify-gateway-request';

const certRef = z.looseObject({ alipay_cert_sn: z.string().min(1) });

export async function alipayCertDownload(request: GatewayRequest, now: Date): Promise<AlipayPayload> {
  const { alipay_cert_sn: sn } = parseBiz(certRef, request.bizContent);
  const chain = await alipayCertificateChain(sn, now);
  if (!chain) throw businessError('CERT_NOT_EXIST', '支付宝公钥证书不存在');
  return { code: '10000', msg: 'Success', alipay_cert_content: Buffer.from(chain, 'utf8').toString('base64') };
}
