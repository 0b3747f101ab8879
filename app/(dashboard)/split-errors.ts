import type { Translate } from '@/components/i18n/translate';
import { channelRefusal } from '@/components/ui/form-errors';

/** Plain words for what a split action can be refused with, the channel's own reason included. */
export function splitErrorOverrides(error: unknown, t: Translate): Partial<Record<string, string>> {
  const refusal = channelRefusal(error);
  return {
    CHANNEL_ERROR: refusal ? t('splits.errors.channel', { message: refusal }) : t('splits.errors.channelUnknown'),
    SPLIT_NOT_SUPPORTED: t('splits.errors.SPLIT_NOT_SUPPORTED'),
    SPLIT_NOT_ALLOWED: t('splits.errors.SPLIT_NOT_ALLOWED'),
    SPLIT_FINISHED: t('splits.errors.SPLIT_FINISHED'),
  };
}
