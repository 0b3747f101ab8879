// The parts every simulated cashier shares (Alipay, WeChat Pay, EasyPay): the SANDBOX banner under which
// the page runs, the order card, the Pay / Cancel pair and the result line. Each page brings its
// channel's colours, titles and button text.
import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

/** Tailwind classes in the channel's colours, written out in full by each page so Tailwind sees them. */
export interface CashierTheme {
  /** The page's background and text colour. */
  page: string;
  /** The channel's colour as a background: the header bar and the pay button. */
  accent: string;
  /** The pay button while pressed. */
  accentPressed: string;
  /** The channel's colour as text: a successful result. */
  accentText: string;
}

type FormAction = (formData: FormData) => void | Promise<void>;

export function SandboxCashier(props: { theme: CashierTheme; title: string; banner?: string; children: ReactNode }) {
  return (
    <main className={cx('mx-auto flex min-h-dvh max-w-md flex-col', props.theme.page)}>
      <div className="bg-amber-400 px-4 py-2 text-center text-sm font-semibold text-amber-950" role="status">
        {props.banner ?? '沙箱 SANDBOX · 模拟支付，不会产生真实扣款'}
      </div>
      <header className={cx('px-4 py-3 text-lg font-semibold text-white', props.theme.accent)}>{props.title}</header>
      {props.children}
    </main>
  );
}

/** The amount in yuan under what is being paid (`children`), then the order's identifiers. */
export function OrderCard(props: { amountYuan: string; rows: { label: string; value: string }[]; children: ReactNode }) {
  return (
    <section className="m-4 rounded-lg bg-white p-6 text-center shadow-sm">
      {props.children}
      <p className="mt-2 text-4xl font-semibold">
        <span className="mr-1 text-2xl">¥</span>
        {props.amountYuan}
      </p>
      <dl className="mt-4 space-y-1 text-left text-xs text-gray-500">
        {props.rows.map((row) => (
          <div key={row.label} className="flex justify-between gap-4">
            <dt>{row.label}</dt>
            <dd className="break-all">{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The buyer's two choices, under any notes (`children`) about the attempt so far. */
export function PayOrCancel(props: { theme: CashierTheme; payLabel: string; pay: FormAction; cancel: FormAction; children?: ReactNode }) {
  return (
    <section className="mx-4 space-y-3">
      {props.children}
      <form action={props.pay}>
        <button type="submit" className={cx('w-full rounded-lg py-3 text-lg font-medium text-white', props.theme.accent, props.theme.accentPressed)}>
          {props.payLabel}
        </button>
      </form>
      <form action={props.cancel}>
        <button type="submit" className="w-full rounded-lg border border-gray-300 bg-white py-3 text-base text-gray-700">
          取消
        </button>
      </form>
    </section>
  );
}

/** A note above the buttons, such as "cancelled, the order still waits". */
export function CashierNote(props: { className?: string; children: ReactNode }) {
  return <p className={cx('text-center text-sm', props.className ?? 'text-gray-500')}>{props.children}</p>;
}

/** Where the buttons were, once the trade is no longer payable: its outcome in `className`'s colour. */
export function CashierResult(props: { className: string; children: ReactNode }) {
  return <p className={cx('mx-4 rounded-lg bg-white p-4 text-center text-lg font-medium', props.className)}>{props.children}</p>;
}
