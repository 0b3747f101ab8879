'use client';

import { useId } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Button } from '@/components/ui/button';
import type { ChannelView } from '../../merchant-types';
import { formatDateTime } from '../../format-date';
import { usePanel } from '../../_form/use-panel';
import { EditCredentialsForm } from './edit-credentials-form';
import { MaskedCredentialsList } from './masked-credentials';
import { maskedCredentialsOf } from './masked-credentials-of';

/** 渠道参数: what is stored (masked), and for a LIVE channel the replace-only edit form. */
export function ChannelCredentials({ channel, canManage }: { channel: ChannelView; canManage: boolean }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const { open, openerRef, panelRef, show, hide } = usePanel();
  const masked = maskedCredentialsOf(channel);

  return (
    <section aria-labelledby={titleId}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 id={titleId} className="text-sm font-semibold text-slate-900">
          {t('channels.credentials')}
        </h4>
        {canManage && channel.mode === 'LIVE' && !open ? (
          <Button ref={openerRef} variant="secondary" className="min-h-8 px-3 text-xs" onClick={show}>
            {t('channels.editCredentials.open')}
          </Button>
        ) : null}
      </div>
      {channel.mode === 'SANDBOX' ? <p className="mt-2 text-sm text-slate-600">{t('channels.sandboxGenerated')}</p> : null}
      <div className="mt-3">{masked ? <MaskedCredentialsList channel={channel.channel} masked={masked} /> : null}</div>
      <p className="mt-3 text-xs text-slate-500">{t('channels.credentialsUpdatedAt', { time: formatDateTime(channel.credentialsUpdatedAt, locale) })}</p>
      {open ? (
        <div ref={panelRef} className="mt-4">
          <EditCredentialsForm channel={channel} masked={masked} onDone={() => hide()} />
        </div>
      ) : null}
    </section>
  );
}
