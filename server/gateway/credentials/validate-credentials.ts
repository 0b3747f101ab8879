// The single entry point for checking what a property company enters when it activates a channel:
// every field is checked (formats with zod, keys and certificates with node:crypto) and every bad
// field is reported at once as `credentials.<field>`.
import { AppError } from '@/server/errors/app-error';
import { validateAlipay } from '@/server/gateway/channels/alipay/credentials';
import { validateEasyPay } from '@/server/gateway/channels/easypay/credentials';
import { validateWechatPay } from '@/server/gateway/channels/wechatpay/credentials';
import { requireRecord } from './field-issues';
import { CHANNEL_KINDS, type ChannelKind, type CredentialsByChannel, type CredentialsOf, type ValidateOptions } from './types';

const validators: { [C in ChannelKind]: (input: Record<string, unknown>, now: Date) => CredentialsByChannel[C] } = {
  ALIPAY: validateAlipay,
  WECHATPAY: validateWechatPay,
  EASYPAY: validateEasyPay,
};

/** Normalised credentials of `channel`, or AppError INVALID_REQUEST naming every bad field. */
export function validateCredentials<C extends ChannelKind>(channel: C, input: unknown, options: ValidateOptions = {}): CredentialsOf<C> {
  if (!CHANNEL_KINDS.includes(channel)) throw AppError.invalidFields({ channel: `must be one of ${CHANNEL_KINDS.join(', ')}` });
  return validators[channel](requireRecord(input), options.now ?? new Date());
}
