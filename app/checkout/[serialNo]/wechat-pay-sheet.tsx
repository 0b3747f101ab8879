'use client';

import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { focusRing } from '@/components/ui/focus-ring';

interface WeixinJSBridge {
  invoke(name: 'getBrandWCPayRequest', params: Record<string, string>, done: (result: { err_msg?: string }) => void): void;
}

declare global {
  interface Window {
    WeixinJSBridge?: WeixinJSBridge;
  }
}

/** The fields getBrandWCPayRequest takes, and nothing else of what the attempt stored. */
const SHEET_FIELDS = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const;

/** WeChat defines its bridge a moment after the page loads, and says so with WeixinJSBridgeReady. */
function withBridge(run: (bridge: WeixinJSBridge) => void): void {
  if (window.WeixinJSBridge) return run(window.WeixinJSBridge);
  document.addEventListener('WeixinJSBridgeReady', () => window.WeixinJSBridge && run(window.WeixinJSBridge), { once: true });
}

/**
 * WeChat Pay inside WeChat: opens WeChat's payment sheet for the JSAPI attempt (at once after the
 * authorization, `open`, and again on the button). The sheet's "ok" is not proof of payment, as
 * WeChat warns: the checkout's polled status says when the payment succeeded.
 */
export function WechatPaySheet({ params, open }: { params: Record<string, string>; open: boolean }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'cancelled' | 'failed' | null>(null);

  const openSheet = useCallback(() => {
    const request = Object.fromEntries(SHEET_FIELDS.map((field) => [field, params[field] ?? '']));
    withBridge((bridge) =>
      bridge.invoke('getBrandWCPayRequest', request, (result) => {
        if (result.err_msg === 'get_brand_wcpay_request:ok') return;
        setOutcome(result.err_msg === 'get_brand_wcpay_request:cancel' ? 'cancelled' : 'failed');
      }),
    );
  }, [params]);

  useEffect(() => {
    if (open) openSheet();
  }, [open, openSheet]);

  function pay() {
    setOutcome(null);
    openSheet();
  }

  return (
    <section className="rounded-2xl bg-white p-5 text-center shadow-sm ring-1 ring-slate-200" aria-label={t('checkout.channels.WECHATPAY')}>
      <button type="button" onClick={pay} className={`w-full rounded-xl bg-[#07C160] py-3 text-base font-medium text-white ${focusRing}`} data-testid="checkout-wechat-pay">
        {t('checkout.wechatSheet.pay')}
      </button>
      {outcome ? (
        <p role="alert" className="mt-3 text-sm text-slate-600" data-testid="checkout-wechat-outcome">
          {t(outcome === 'cancelled' ? 'checkout.wechatSheet.cancelled' : 'checkout.wechatSheet.failed')}
        </p>
      ) : null}
      <p className="mt-4 text-xs text-slate-500">{t('checkout.waiting')}</p>
    </section>
  );
}
