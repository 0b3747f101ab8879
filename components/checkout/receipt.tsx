// The receipt of a paid payment, for the checkout's success view and the receipt page. Server-rendered;
// printing keeps only it, and "save as image" draws it from these same rows.
import { getI18n } from '@/components/i18n/server';
import { formatFen } from '@/components/money/fen';
import type { ReceiptView } from '@/server/core/payments/get-receipt';
import { ReceiptActions } from './receipt-actions';

/** Beijing wall-clock time whatever the server's or reader's zone (the time the merchant and the channel show), zone last. */
function beijingTime(date: Date, locale: string): string {
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(date);
  return `${time} UTC+8`;
}

export async function Receipt({ receipt }: { receipt: ReceiptView }) {
  const { t, locale } = await getI18n();
  const rows: Array<[string, string, boolean]> = [
    [t('checkout.receipt.merchant'), receipt.merchantName, false],
    [t('checkout.receipt.subject'), receipt.subject, false],
    [t('checkout.receipt.paidAt'), beijingTime(receipt.paidAt, locale), false],
    [t('checkout.receipt.channel'), t(`checkout.channels.${receipt.channel}`), false],
    [t('checkout.receipt.serialNo'), receipt.serialNo, true],
    [t('checkout.receipt.channelTradeNo'), receipt.channelTradeNo ?? '—', true],
  ];
  return (
    <section className="rounded-2xl bg-white px-5 py-6 text-left shadow-sm ring-1 ring-slate-200 print:shadow-none print:ring-0" aria-labelledby="receipt-title" data-testid="receipt">
      <h2 id="receipt-title" className="text-center text-base font-semibold text-slate-900" data-receipt-title>{t('checkout.receipt.title')}</h2>
      {receipt.livemode ? null : <p className="mt-1 text-center text-xs font-medium text-amber-700" data-receipt-note>{t('checkout.receipt.sandbox')}</p>}
      <p className="mt-4 text-center text-sm text-slate-500">{t('checkout.receipt.amount')}</p>
      <p className="mt-1 text-center text-3xl font-semibold tracking-tight text-slate-900 tabular-nums" data-receipt-amount data-testid="receipt-amount">
        {formatFen(receipt.amount)}
      </p>
      <dl className="mt-5 space-y-2 border-t border-dashed border-slate-200 pt-4 text-sm">
        {rows.map(([label, value, mono]) => (
          <div key={label} className="flex justify-between gap-4" data-receipt-row>
            <dt className="shrink-0 text-slate-500">{label}</dt>
            <dd className={mono ? 'font-mono text-xs break-all text-right text-slate-800' : 'text-right text-slate-900'}>{value}</dd>
          </div>
        ))}
      </dl>
      <ReceiptActions serialNo={receipt.serialNo} labels={{ print: t('checkout.receipt.print'), saveImage: t('checkout.receipt.saveImage') }} />
    </section>
  );
}
