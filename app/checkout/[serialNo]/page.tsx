// The hosted checkout (public; the unguessable serial number is the only key): what the payer sees for
// a QR payment or a CASHIER payment. Server-rendered; the only script is the small live status.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { ChannelMark } from '@/components/checkout/channel-mark';
import { CheckoutFrame } from '@/components/checkout/checkout-frame';
import { QrCode } from '@/components/checkout/qr-code';
import { Receipt } from '@/components/checkout/receipt';
import { I18nProvider } from '@/components/i18n/client';
import { getI18n } from '@/components/i18n/server';
import { formatFen } from '@/components/money/fen';
import { focusRing } from '@/components/ui/focus-ring';
import { checkoutEnvironment, type CheckoutEnvironment } from '@/server/core/payments/checkout-environment';
import { getCheckout, type CheckoutView } from '@/server/core/payments/get-checkout';
import { getReceipt } from '@/server/core/payments/get-receipt';
import { env } from '@/server/config/env';
import { CheckoutLive } from './checkout-live';
import { InAppPaySheet } from './in-app-pay-sheet';

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  // Residents may add the checkout to their home screen; the manifest gives it PayCenter's name and icons.
  return { title: t('checkout.metaTitle'), manifest: '/checkout.webmanifest' };
}

/** Alipay's QR content is a link that opens Alipay on a phone; WeChat's weixin:// code cannot be opened from a browser. */
function opensOnPhone(qr: NonNullable<CheckoutView['qr']>): boolean {
  return qr.channel !== 'WECHATPAY' && /^https?:\/\//.test(qr.content);
}

async function QrPanel({ qr }: { qr: NonNullable<CheckoutView['qr']> }) {
  const { t } = await getI18n();
  const channel = t(`checkout.channels.${qr.channel}`);
  const app = t(`checkout.scanApps.${qr.channel}`);
  return (
    <section className="rounded-2xl bg-white p-5 text-center shadow-sm ring-1 ring-slate-200" aria-labelledby="scan-title">
      <div className="flex items-center justify-center gap-2">
        <ChannelMark channel={qr.channel} />
        <h2 id="scan-title" className="text-lg font-semibold text-slate-900">{t('checkout.scanTitle', { channel: app })}</h2>
      </div>
      <QrCode content={qr.content} label={t('checkout.qrLabel', { channel })} className="mx-auto mt-4 w-56 max-w-full rounded-lg ring-1 ring-slate-200" />
      <p className="mt-3 text-sm text-slate-600">{t('checkout.scanHint', { channel: app })}</p>
      {opensOnPhone(qr) ? (
        <a href={qr.content} className={`mt-4 block w-full rounded-xl bg-[#1677FF] py-3 text-base font-medium text-white sm:hidden ${focusRing}`} data-testid="checkout-open-app">
          {t('checkout.openApp', { channel: app })}
        </a>
      ) : null}
      <p className="mt-4 text-xs text-slate-500">{t('checkout.waiting')}</p>
    </section>
  );
}

async function ChannelChoices({ serialNo, choices, environment }: { serialNo: string; choices: NonNullable<CheckoutView['choices']>; environment: CheckoutEnvironment }) {
  const { t } = await getI18n();
  const unavailable = environment === 'WECHAT' || environment === 'ALIPAY' ? t('checkout.notAvailableHere') : t('checkout.notAvailable');
  return (
    <form method="post" action={`/checkout/${serialNo}/choose`} className="rounded-2xl bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby="choose-title">
      <h2 id="choose-title" className="px-5 pt-4 pb-2 text-base font-semibold text-slate-900">{t('checkout.chooseTitle')}</h2>
      <ul className="divide-y divide-slate-100">
        {choices.map(({ channel, available }) => (
          <li key={channel}>
            <button
              type="submit"
              name="channel"
              value={channel}
              disabled={!available}
              aria-label={t('checkout.payWith', { channel: t(`checkout.channels.${channel}`) })}
              className={`flex w-full items-center gap-3 px-5 py-3.5 text-left enabled:hover:bg-slate-50 disabled:cursor-not-allowed ${focusRing}`}
            >
              <ChannelMark channel={channel} muted={!available} />
              <span className="min-w-0 flex-1">
                <span className={`block font-medium ${available ? 'text-slate-900' : 'text-slate-500'}`}>{t(`checkout.channels.${channel}`)}</span>
                <span className="block text-xs text-slate-500">{available ? t(`checkout.channelHints.${channel}`) : unavailable}</span>
              </span>
              {available ? <span aria-hidden="true" className="text-xl text-slate-400">›</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}

/** Inside WeChat or Alipay: the merchant's other channels need a real browser. */
async function OpenInBrowserHint({ channels }: { channels: CheckoutView['elsewhere'] }) {
  const { t } = await getI18n();
  const names = channels.map((channel) => t(`checkout.channels.${channel}`)).join(t('checkout.channelSeparator'));
  return (
    <p className="rounded-xl bg-slate-100 px-4 py-3 text-sm text-slate-700" data-testid="checkout-open-in-browser">
      {t('checkout.openInBrowser', { channels: names })}
    </p>
  );
}

export default async function CheckoutPage(props: { params: Promise<{ serialNo: string }>; searchParams: Promise<SearchParams> }) {
  const [{ serialNo }, params, { t, locale, messages }, requestHeaders] = await Promise.all([props.params, props.searchParams, getI18n(), headers()]);
  const environment = checkoutEnvironment(requestHeaders.get('user-agent'));
  const checkout = await getCheckout({ serialNo, environment });
  if (!checkout) notFound();
  const wait = Number(params.wait);

  // Already paid when the page is rendered (or re-rendered after the live status saw the success): the receipt.
  const receipt = checkout.status === 'SUCCEEDED' ? await getReceipt({ serialNo: checkout.serialNo }) : null;

  return (
    <CheckoutFrame livemode={checkout.livemode}>
      {/* Once paid, the receipt says all this and more. */}
      {receipt ? null : (
        <section className="rounded-2xl bg-white px-5 py-6 text-center shadow-sm ring-1 ring-slate-200" aria-label={t('checkout.amount')}>
          <p className="text-sm text-slate-600">
            {t('checkout.payee')} · <span className="font-medium text-slate-900" data-testid="checkout-merchant">{checkout.merchantName}</span>
          </p>
          <p className="mt-3 text-sm text-slate-500">{t('checkout.amount')}</p>
          <p className="mt-1 text-4xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid="checkout-amount">
            {formatFen(checkout.amount)}
          </p>
          <dl className="mt-5 space-y-1.5 border-t border-dashed border-slate-200 pt-4 text-left text-sm">
            <div className="flex justify-between gap-4">
              <dt className="shrink-0 text-slate-500">{t('checkout.subject')}</dt>
              <dd className="text-right text-slate-900">{checkout.subject}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="shrink-0 text-slate-500">{t('checkout.orderSerial')}</dt>
              <dd className="font-mono text-xs break-all text-slate-700">{checkout.serialNo}</dd>
            </div>
          </dl>
        </section>
      )}
      {/* Only the checkout's own strings reach the browser. */}
      <I18nProvider locale={locale} messages={{ checkout: messages.checkout }}>
        <CheckoutLive
          serialNo={checkout.serialNo}
          status={checkout.status}
          expiresAt={checkout.expiresAt.toISOString()}
          returnUrl={checkout.returnUrl}
          receipt={receipt ? <Receipt receipt={receipt} /> : null}
        >
          <div className="flex flex-col gap-4">
            {wait > 0 ? (
              <p role="alert" className="rounded-xl bg-sky-50 px-4 py-3 text-sm text-sky-900">{t('checkout.wait', { seconds: Math.ceil(wait) })}</p>
            ) : null}
            {params.error ? (
              <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">{t('checkout.failed')}</p>
            ) : null}
            {checkout.qr ? <QrPanel qr={checkout.qr} /> : null}
            {checkout.appSheet ? <InAppPaySheet channel={checkout.appSheet.channel} params={checkout.appSheet.params} open={params.pay === 'app'} /> : null}
            {/* The simulated app's JS bridge, for sandbox payments only. */}
            {checkout.appSheet && !checkout.livemode && env().PAYCENTER_SANDBOX ? <script async src={`/sandbox/${checkout.appSheet.channel.toLowerCase()}/jsbridge.js`} /> : null}
            {checkout.choices && !checkout.appSheet ? <ChannelChoices serialNo={checkout.serialNo} choices={checkout.choices} environment={environment} /> : null}
            {checkout.elsewhere.length > 0 ? <OpenInBrowserHint channels={checkout.elsewhere} /> : null}
          </div>
        </CheckoutLive>
      </I18nProvider>
    </CheckoutFrame>
  );
}
