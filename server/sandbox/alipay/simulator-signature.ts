// Everything the simulator sends is signed RSA2 with its own key (sandboxIdentity), as Alipay signs with its.
import { createSign } from 'node:crypto';
import { alipayNotifySignContent } from '@/server/gateway/channels/alipay/notify-signature';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';

export async function simulatorSign(content: string): Promise<string> {
  const { privateKeyPem } = await sandboxIdentity('ALIPAY');
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

/** Notify and return parameters: signed over every non-empty parameter except sign and sign_type. */
export async function signedParams(params: Record<string, string>): Promise<Record<string, string>> {
  const sign = await simulatorSign(alipayNotifySignContent(params, { includeSignType: false }));
  return { ...params, sign };
}
