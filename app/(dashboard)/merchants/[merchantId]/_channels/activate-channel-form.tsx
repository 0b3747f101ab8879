'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { CreateFormActions } from '@/components/ui/form-actions';
import { getFormErrors } from '@/components/ui/form-errors';
import { CHANNEL_INVOKE_METHODS } from '@/server/contract/invoke-methods';
import type { ChannelInvokeMethod, ChannelKind, ChannelMode, ChannelView } from '../../merchant-types';
import { ChoiceGroup } from '../../_form/choice-group';
import { ErrorSummary } from '../../_form/error-summary';
import { channelErrorItems } from './channel-error-items';
import { CredentialFields } from './credential-fields';
import { credentialsFromForm } from './credentials-from-form';

const CHANNELS: readonly ChannelKind[] = ['ALIPAY', 'WECHATPAY', 'EASYPAY'];
const MODES: readonly ChannelMode[] = ['LIVE', 'SANDBOX'];
const VERIFY_MODES = ['PUBLIC_KEY', 'PLATFORM_CERT'] as const;

export interface ActivateChannelFormProps {
  merchantId: string;
  onActivated: (channel: ChannelView) => void;
  onCancel: () => void;
}

/** 开通支付渠道: channel, mode, invoke methods, and for LIVE the channel's parameters. */
export function ActivateChannelForm({ merchantId, onActivated, onCancel }: ActivateChannelFormProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const idPrefix = useId();
  const [channel, setChannel] = useState<ChannelKind>('ALIPAY');
  const [mode, setMode] = useState<ChannelMode>('LIVE');
  const [methods, setMethods] = useState<ChannelInvokeMethod[]>([...CHANNEL_INVOKE_METHODS.ALIPAY]);
  const [verifyMode, setVerifyMode] = useState<(typeof VERIFY_MODES)[number]>('PUBLIC_KEY');
  const sandboxWechat = channel === 'WECHATPAY' && mode === 'SANDBOX';

  const activate = useMutation(
    trpc.channels.activate.mutationOptions({
      onSuccess: async (view) => {
        await queryClient.invalidateQueries({ queryKey: trpc.merchants.get.queryKey({ merchantId }) });
        onActivated(view);
      },
    }),
  );

  const ids = { channel: `${idPrefix}-channel`, mode: `${idPrefix}-mode`, invokeMethods: `${idPrefix}-methods`, verifyMode: `${idPrefix}-verify-mode` };
  const errors = useMemo(() => getFormErrors(activate.error, t), [activate.error, t]);
  const items = channelErrorItems(channel, errors.fields, idPrefix, t, {
    channel: { label: t('channels.activate.channel'), id: ids.channel },
    mode: { label: t('channels.activate.mode'), id: ids.mode },
    invokeMethods: { label: t('channels.activate.invokeMethods'), id: ids.invokeMethods },
    wechatVerifyMode: { label: t('channels.activate.sandboxVerifyMode'), id: ids.verifyMode },
  });

  function chooseChannel(next: ChannelKind) {
    setChannel(next);
    setMethods([...CHANNEL_INVOKE_METHODS[next]]);
    activate.reset();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (activate.isPending) return;
    const form = new FormData(event.currentTarget);
    activate.mutate({
      merchantId,
      channel,
      mode,
      invokeMethods: methods,
      ...(mode === 'LIVE' ? { credentials: credentialsFromForm(channel, form, { onlyFilled: false }) } : {}),
      ...(sandboxWechat ? { wechatVerifyMode: verifyMode } : {}),
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-6" data-testid="activate-channel-form">
      <ErrorSummary
        error={activate.error}
        title={t('merchants.errors.summaryTitle')}
        formatLabel={(label) => t('merchants.errors.fieldLabel', { label })}
        message={errors.message}
        items={items}
      />
      <ChoiceGroup
        type="radio"
        inline
        id={ids.channel}
        name="channel"
        legend={t('channels.activate.channel')}
        options={CHANNELS.map((value) => ({ value, label: t(`channels.names.${value}`) }))}
        value={[channel]}
        onChange={([next]) => next && chooseChannel(next as ChannelKind)}
        error={errors.fields.channel}
      />
      <ChoiceGroup
        type="radio"
        id={ids.mode}
        name="mode"
        legend={t('channels.activate.mode')}
        options={MODES.map((value) => ({
          value,
          label: t(`channels.modes.${value}`),
          description: t(value === 'LIVE' ? 'channels.activate.modeLiveHint' : 'channels.activate.modeSandboxHint'),
        }))}
        value={[mode]}
        onChange={([next]) => setMode(next === 'SANDBOX' ? 'SANDBOX' : 'LIVE')}
        error={errors.fields.mode}
      />
      <ChoiceGroup
        type="checkbox"
        inline
        id={ids.invokeMethods}
        name="invokeMethods"
        legend={t('channels.activate.invokeMethods')}
        hint={t('channels.activate.invokeMethodsHint')}
        options={CHANNEL_INVOKE_METHODS[channel].map((value) => ({ value, label: t(`channels.methods.${value}`) }))}
        value={methods}
        onChange={(next) => setMethods(CHANNEL_INVOKE_METHODS[channel].filter((method) => next.includes(method)))}
        error={errors.fields.invokeMethods}
      />
      {sandboxWechat ? (
        <ChoiceGroup
          type="radio"
          inline
          id={ids.verifyMode}
          name="wechatVerifyMode"
          legend={t('channels.activate.sandboxVerifyMode')}
          hint={t('channels.activate.sandboxVerifyModeHint')}
          options={VERIFY_MODES.map((value) => ({ value, label: t(`channels.verifyModes.${value}`) }))}
          value={[verifyMode]}
          onChange={([next]) => setVerifyMode(next === 'PLATFORM_CERT' ? 'PLATFORM_CERT' : 'PUBLIC_KEY')}
          error={errors.fields.wechatVerifyMode}
        />
      ) : null}
      {mode === 'LIVE' ? (
        <fieldset className="rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">{t('channels.activate.parameters')}</legend>
          <CredentialFields key={channel} channel={channel} idPrefix={idPrefix} errors={errors.fields} />
        </fieldset>
      ) : null}
      <CreateFormActions pending={activate.isPending} submitLabel={t('channels.activate.submit')} pendingLabel={t('channels.activate.submitting')} onCancel={onCancel} />
    </form>
  );
}
