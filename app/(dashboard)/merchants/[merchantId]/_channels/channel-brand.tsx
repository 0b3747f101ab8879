import { cx } from '@/components/ui/cx';
import type { ChannelKind } from '../../merchant-types';

/** Each channel's brand colour (Alipay blue, WeChat Pay green; EasyPay has none, so neutral). */
const brands: Record<ChannelKind, { accent: string; mark: string; letter: string }> = {
  ALIPAY: { accent: 'border-t-[#1677FF]', mark: 'bg-[#1677FF]', letter: '支' },
  WECHATPAY: { accent: 'border-t-[#07C160]', mark: 'bg-[#07C160]', letter: '微' },
  EASYPAY: { accent: 'border-t-slate-400', mark: 'bg-slate-500', letter: '易' },
};

/** The top border colour of a channel's card. */
export function channelAccent(channel: ChannelKind): string {
  return brands[channel].accent;
}

/** A small square in the channel's colour; decorative, the channel's name is always written next to it. */
export function ChannelMark({ channel, className }: { channel: ChannelKind; className?: string }) {
  const brand = brands[channel];
  return (
    <span aria-hidden="true" className={cx('grid size-8 shrink-0 place-items-center rounded-lg text-sm font-bold text-white', brand.mark, className)}>
      {brand.letter}
    </span>
  );
}
