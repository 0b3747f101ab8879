import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

type Tone = 'error' | 'warning' | 'info';

const tones: Record<Tone, string> = {
  error: 'border-red-300 bg-red-50 text-red-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  info: 'border-sky-300 bg-sky-50 text-sky-950',
};

export interface AlertProps extends Omit<ComponentProps<'div'>, 'title'> {
  tone: Tone;
  title?: ReactNode;
}

/** A boxed message. The caller picks the role (`alert`, `status`) to match how urgent it is. */
export function Alert({ tone, title, children, className, ...props }: AlertProps) {
  return (
    <div className={cx('rounded-md border px-4 py-3 text-sm', tones[tone], className)} {...props}>
      {title ? <p className="font-semibold">{title}</p> : null}
      <div className={title ? 'mt-1' : undefined}>{children}</div>
    </div>
  );
}
