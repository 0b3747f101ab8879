'use client';

import type { MessageKey } from '@/components/i18n/translate';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FormErrorAlert, SaveFormActions } from '@/components/ui/form-actions';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useEditForm } from '@/components/ui/use-edit-form';
import type { RouterOutputs } from '../../router-outputs';
import { invalidParams, paramField, ruleFormValues, ruleInput, type RuleParams } from './rule-form-values';

type RuleView = RouterOutputs['alertRules']['list'][number];

const SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const;

/** One rule: on or off, its severity and its thresholds, saved together (and audited). */
export function RuleCard({ rule }: { rule: RuleView }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const defaults: RuleParams = rule.defaults.params;
  const paramNames = Object.keys(defaults);
  const { ref, values, errors, setField, message, pending, handleSubmit, saved } = useEditForm({
    initial: ruleFormValues({ enabled: rule.enabled, severity: rule.severity, params: rule.params }),
    fields: ['enabled', 'severity', ...paramNames.map(paramField)],
    validate: (edited) => Object.fromEntries(invalidParams(defaults, edited).map((field) => [field, t('alertRules.notANumber')])),
    mutation: trpc.alertRules.update.mutationOptions(),
    toInput: (edited) => ruleInput(rule.kind, defaults, edited),
    invalidates: [trpc.alertRules.pathKey()],
  });
  const titleId = `alert-rule-${rule.kind}`;

  return (
    <Card className="h-full p-4 sm:p-6">
      <form ref={ref} onSubmit={handleSubmit} noValidate aria-labelledby={titleId} className="space-y-4" data-testid={`alert-rule-${rule.kind}`}>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {t(`alertRules.kinds.${rule.kind}.title`)}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t(`alertRules.kinds.${rule.kind}.description`)}</p>
          </div>
          {rule.customised ? <Badge tone="indigo">{t('alertRules.customised')}</Badge> : null}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            label={t('alertRules.fields.enabled')}
            value={values.enabled}
            onChange={(event) => setField('enabled', event.target.value)}
            options={[
              { value: 'true', label: t('alertRules.on') },
              { value: 'false', label: t('alertRules.off') },
            ]}
          />
          <Select
            label={t('alertRules.fields.severity')}
            value={values.severity}
            error={errors.severity}
            onChange={(event) => setField('severity', event.target.value)}
            options={SEVERITIES.map((severity) => ({ value: severity, label: t(`alertRules.severities.${severity}`) }))}
          />
          {paramNames.map((name) => {
            const field = paramField(name);
            const fallback = defaults[name];
            return (
              <Input
                key={name}
                // Every name is a catalogue param's, each labelled in alertRules.params.
                label={t(`alertRules.params.${name}` as MessageKey)}
                hint={t('alertRules.defaultValue', { value: Array.isArray(fallback) ? fallback.join(', ') : String(fallback) })}
                inputMode={Array.isArray(fallback) ? 'text' : 'numeric'}
                value={values[field] ?? ''}
                error={errors[field]}
                onChange={(event) => setField(field, event.target.value)}
              />
            );
          })}
        </div>
        <FormErrorAlert message={message} />
        <SaveFormActions pending={pending} saved={saved} />
      </form>
    </Card>
  );
}
