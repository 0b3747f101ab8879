import type { ComponentProps } from 'react';
import { cx } from './cx';
import { focusRing } from './focus-ring';

type Variant = 'primary' | 'secondary' | 'ghost';

const variants: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white shadow-sm hover:bg-brand-800',
  secondary: 'border border-slate-300 bg-white text-slate-800 shadow-sm hover:bg-slate-50',
  ghost: 'text-slate-700 hover:bg-slate-100',
};

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: Variant;
}

/**
 * Defaults to `type="button"` so only an explicit submit button submits a form. Use `aria-disabled`
 * rather than `disabled` while busy: a disabled button drops keyboard focus.
 */
export function Button({ variant = 'primary', type = 'button', className, ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        'inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 text-sm font-medium whitespace-nowrap transition-colors',
        'aria-disabled:cursor-wait aria-disabled:opacity-70 disabled:cursor-not-allowed disabled:opacity-60',
        focusRing,
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
