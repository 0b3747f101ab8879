'use client';

import { useI18n } from '@/components/i18n/client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ChannelView } from '../../merchant-types';
import { usePanel } from '../../_form/use-panel';
import { InvokeMethodsEditor } from './invoke-methods-editor';

/** The channel's enabled invoke methods, and (for admins) the form to change them. */
export function ChannelInvokeMethods({ channel, canManage }: { channel: ChannelView; canManage: boolean }) {
  const { t } = useI18n();
  const { open, openerRef, panelRef, show, hide } = usePanel();
  return (
    <div>
      <dt className="font-medium text-slate-600">{t('channels.invokeMethods')}</dt>
      <dd className="mt-1">
        <div className="flex flex-wrap items-center gap-1.5">
          {channel.invokeMethods.map((method) => (
            <Badge key={method} tone="slate">
              {method === 'CASHIER' ? method : t(`channels.methods.${method}`)}
            </Badge>
          ))}
          {canManage && !open ? (
            <Button ref={openerRef} variant="ghost" className="min-h-8 px-2 text-xs text-brand-800" onClick={show}>
              {t('channels.editMethods.open')}
            </Button>
          ) : null}
        </div>
        {open ? (
          <div ref={panelRef} className="mt-3">
            <InvokeMethodsEditor channel={channel} onDone={() => hide()} />
          </div>
        ) : null}
      </dd>
    </div>
  );
}
