'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Button } from '@/components/ui/button';
import { FormErrorAlert } from '@/components/ui/form-actions';
import { getFormErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { splitErrorOverrides } from '../../../../../split-errors';
import { bpsToPercent, percentToBps } from './split-ratio';
import type { SplitChannel } from './split-receiver-types';

/** Splitting on or off for the payment channel, and the largest share of one payment that may be split. */
export function SplitSettingsForm({ channel, onSaved }: { channel: SplitChannel; onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(channel.splitEnabled);
  const [ratio, setRatio] = useState(bpsToPercent(channel.maxSplitRatioBps));
  const [ratioError, setRatioError] = useState<string | null>(null);
  const save = useMutation(
    trpc.splitReceivers.updateSettings.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.splitReceivers.pathKey() });
        const state = saved.splitEnabled ? t('splits.channel.enabled', { ratio: `${bpsToPercent(saved.maxSplitRatioBps)}%` }) : t('splits.channel.disabled');
        onSaved(t('splits.receivers.settings.saved', { state }));
      },
    }),
  );
  const errors = getFormErrors(save.error, t, { knownFields: ['splitEnabled', 'maxSplitRatioBps'], overrides: splitErrorOverrides(save.error, t) });
  const max = `${bpsToPercent(channel.splitRatioCeilingBps)}%`;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const bps = percentToBps(ratio, channel.splitRatioCeilingBps);
    setRatioError(bps === null ? t('splits.receivers.settings.ratioInvalid', { max }) : null);
    if (bps === null) return;
    save.mutate({ paymentId: channel.paymentId, splitEnabled: enabled, maxSplitRatioBps: bps });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4" data-testid="split-settings-form">
      <div className="flex items-start gap-3">
        <input
          id="split-enabled"
          type="checkbox"
          className="mt-1 size-5 shrink-0 accent-brand-700"
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
          aria-describedby="split-enabled-hint"
        />
        <div>
          <label htmlFor="split-enabled" className="text-sm font-medium text-slate-900">
            {t('splits.receivers.settings.enabled')}
          </label>
          <p id="split-enabled-hint" className="text-xs text-slate-600">
            {t('splits.receivers.settings.enabledHint')}
          </p>
        </div>
      </div>
      <Input
        className="sm:max-w-xs"
        label={t('splits.receivers.settings.ratio')}
        hint={t('splits.receivers.settings.ratioHint')}
        name="maxSplitRatio"
        inputMode="decimal"
        autoComplete="off"
        value={ratio}
        onChange={(event) => {
          setRatio(event.target.value);
          setRatioError(null);
        }}
        error={ratioError ?? errors.fields.maxSplitRatioBps}
      />
      <FormErrorAlert message={Object.keys(errors.fields).length === 0 ? errors.message : null} />
      <div className="flex sm:justify-end">
        <Button type="submit" aria-disabled={save.isPending || undefined} data-testid="split-settings-save">
          {save.isPending ? t('splits.receivers.settings.saving') : t('splits.receivers.settings.save')}
        </Button>
      </div>
    </form>
  );
}
