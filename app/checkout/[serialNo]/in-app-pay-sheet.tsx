'use client';

import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { focusRing } from '@/components/ui/focus-ring';

type Outcome = 'ok' | 'cancelled' | 'failed';

interface WeixinJSBridge {
  invoke(name: 'getBrandWCPayRequest', params: Record<string, string>, done: (result: { err_msg?: string }) => void): void;
}

interface AlipayJSBridge {
  call(name: 'tradePay', params: { tradeNO: string }, done: (result: { resultCode?: string }) => void): void;
}

declare global {
  interface Window {
    WeixinJSBridge?: WeixinJSBridge;
    AlipayJSBridge?: AlipayJSBridge;
  }
}

/** The apps define their bridge a moment after the page loads, and say so with an event. */
function withBridge<B>(get: () => B | undefined, readyEvent: string, run: (bridge: B) => void): void {
  const bridge = get();
  if (bridge) return run(bridge);
  document.addEventListener(
    readyEvent,
    () => {
      const ready = get();
      if (ready) run(ready);
    },
    { once: true },
  );
}

/** The fields getBrandWCPayRequest takes, and nothing else of what the attempt stored. */
const WECHAT_FIELDS = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const;

const SHEETS = {
  WECHATPAY: {
    color: 'bg-[#07C160]',
    open(params: Record<string, string>, done: (outcome: Outcome) => void) {
      const request = Object.fromEntries(WECHAT_FIELDS.map((field) => [field, params[field] ?? '']));
      withBridge(() => window.WeixinJSBridge, 'WeixinJSBridgeReady', (bridge) =>
        bridge.invoke('getBrandWCPayRequest', request, ({ err_msg }) =>
          done(err_msg === 'get_brand_wcpay_request:ok' ? 'ok' : err_msg === 'get_brand_wcpay_request:cancel' ? 'cancelled' : 'failed'),
        ),
      );
    },
  },
  ALIPAY: {
    color: 'bg-[#1677FF]',
    open(params: Record<string, string>, done: (outcome: Outcome) => void) {
      withBridge(() => window.AlipayJSBridge, 'AlipayJSBridgeReady', (bridge) =>
        // 9000 paid, 8000 and 6004 being processed (the polled status tells), 6001 cancelled.
        bridge.call('tradePay', { tradeNO: params.tradeNO ?? '' }, ({ resultCode }) => done(['9000', '8000', '6004'].includes(resultCode ?? '') ? 'ok' : resultCode === '6001' ? 'cancelled' : 'failed')),
      );
    },
  },
} as const;

/**
 * Inside WeChat or Alipay: opens the app's payment sheet for the JSAPI attempt (at once after the
 * authorization, `open`, and again on the button). The sheet's "ok" is not proof of payment, as both
 * apps warn: the checkout's polled status says when the payment succeeded.
 */
export function InAppPaySheet({ channel, params, open }: { channel: keyof typeof SHEETS; params: Record<string, string>; open: boolean }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const sheet = SHEETS[channel];

  const openSheet = useCallback(() => sheet.open(params, setOutcome), [sheet, params]);

  useEffect(() => {
    if (open) openSheet();
  }, [open, openSheet]);

  function pay() {
    setOutcome(null);
    openSheet();
  }

  return (
    <section className="rounded-2xl bg-white p-5 text-center shadow-sm ring-1 ring-slate-200" aria-label={t(`checkout.channels.${channel}`)}>
      <button type="button" onClick={pay} className={`w-full rounded-xl py-3 text-base font-medium text-white ${sheet.color} ${focusRing}`} data-testid="checkout-app-pay">
        {t('checkout.appSheet.pay')}
      </button>
      {outcome === 'cancelled' || outcome === 'failed' ? (
        <p role="alert" className="mt-3 text-sm text-slate-600" data-testid="checkout-app-outcome">
          {t(outcome === 'cancelled' ? 'checkout.appSheet.cancelled' : 'checkout.appSheet.failed')}
        </p>
      ) : null}
      <p className="mt-4 text-xs text-slate-500">{t('checkout.waiting')}</p>
    </section>
  );
}
