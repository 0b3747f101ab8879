import { EASYPAY_DEFAULT_PAY_TYPE, type EasyPayType } from './credentials';
import type { ChannelAccount } from '@/server/gateway/types';
import type { Execution } from '@/server/gateway/request-parser';
import { easypayCredentials } from './easypay-client';

/** The epay `type` of a payment: the channel's setting for the invoke method, else alipay. */
export function easypayPayType(account: ChannelAccount, execution: Execution): EasyPayType {
  const { payTypes } = easypayCredentials(account);
  const method = execution.invokeMethod;
  return (method === 'PC' || method === 'WAP' || method === 'QR' ? payTypes?.[method] : undefined) ?? EASYPAY_DEFAULT_PAY_TYPE;
}
