import type { Channel } from '@/server/db/generated/client';

/** Each channel's colour and initial: a plain mark (not the channel's logo) payers recognise by colour. */
const MARKS: Record<Channel, { glyph: string; className: string }> = {
  ALIPAY: { glyph: '支', className: 'bg-[#1677FF]' },
  WECHATPAY: { glyph: '微', className: 'bg-[#07C160]' },
  EASYPAY: { glyph: '易', className: 'bg-[#E8590C]' },
};

export function ChannelMark({ channel, muted = false }: { channel: Channel; muted?: boolean }) {
  const mark = MARKS[channel];
  return (
    <span aria-hidden="true" className={`grid size-10 shrink-0 place-items-center rounded-xl text-lg font-bold text-white ${muted ? 'bg-slate-300' : mark.className}`}>
      {mark.glyph}
    </span>
  );
}
