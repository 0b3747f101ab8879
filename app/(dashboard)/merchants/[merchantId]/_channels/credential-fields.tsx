'use client';

import { useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import type { Translate } from '@/components/i18n/translate';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { ChannelKind } from '../../merchant-types';
import { ChoiceGroup } from '../../_form/choice-group';
import { credentialInputName, CREDENTIAL_FORMS, visibleFields, type CredentialFieldSpec } from './credential-specs';
import { maskedIdentifier, type MaskedCredentials } from './masked-credentials-of';

export interface CredentialFieldsProps {
  channel: ChannelKind;
  /** Prefixes the inputs' ids, so an error summary can link to them. */
  idPrefix: string;
  /** Field path (`credentials.privateKey`) → message. */
  errors: Record<string, string>;
  /** When editing: identifiers start from it, and key material starts empty meaning "keep". */
  editing?: MaskedCredentials | null;
}

export function credentialFieldId(idPrefix: string, name: string): string {
  return `${idPrefix}-${name}`;
}

/** The label of a field path the server reported, e.g. "微信支付平台证书（第 2 个）". */
export function credentialErrorLabel(channel: ChannelKind, path: string, t: Translate): string | null {
  const [root, name, index] = path.split('.');
  if (root !== 'credentials' || !name) return null;
  const spec = CREDENTIAL_FORMS[channel];
  if (spec.mode?.name === name) return t(spec.mode.label);
  const field = spec.fields.find((candidate) => candidate.name === name);
  if (!field) return null;
  const label = t(field.label);
  return index === undefined ? label : t('channels.fields.wechatpay.platformCertificateItem', { label, index: Number(index) + 1 });
}

/** A list field's errors come per entry (`credentials.platformCertificates.1`): show them all under it. */
function errorOf(field: CredentialFieldSpec, errors: Record<string, string>, t: Translate, channel: ChannelKind): string | undefined {
  const path = credentialInputName(field.name);
  if (field.input !== 'pemList') return errors[path];
  const messages = Object.entries(errors)
    .filter(([key]) => key.startsWith(`${path}.`))
    .map(([key, message]) => `${credentialErrorLabel(channel, key, t) ?? key}: ${message}`);
  const own = errors[path];
  return [...(own && messages.length === 0 ? [own] : []), ...messages].join(' ') || undefined;
}

/** The channel's parameter inputs for activating or editing a LIVE channel. */
export function CredentialFields({ channel, idPrefix, errors, editing }: CredentialFieldsProps) {
  const { t } = useI18n();
  const spec = CREDENTIAL_FORMS[channel];
  const [mode, setMode] = useState(() => maskedIdentifier(editing ?? null, spec.mode?.name ?? '') || spec.mode?.options[0]?.value);
  const keep = editing ? t('channels.editCredentials.keepPlaceholder') : undefined;

  return (
    <div className="space-y-5">
      {spec.mode ? (
        <ChoiceGroup
          type="radio"
          inline
          id={credentialFieldId(idPrefix, spec.mode.name)}
          name={credentialInputName(spec.mode.name)}
          legend={t(spec.mode.label)}
          options={spec.mode.options.map((option) => ({ value: option.value, label: t(option.label) }))}
          value={mode ? [mode] : []}
          onChange={([next]) => setMode(next)}
          error={errors[credentialInputName(spec.mode.name)]}
        />
      ) : null}
      {visibleFields(spec, mode).map((field) => {
        const common = {
          id: credentialFieldId(idPrefix, field.name),
          name: credentialInputName(field.name),
          label: t(field.label),
          error: errorOf(field, errors, t, channel),
          autoComplete: 'off',
          spellCheck: false,
        };
        if (field.input === 'pem' || field.input === 'pemList') {
          return (
            <Textarea
              key={field.name}
              {...common}
              hint={field.hint ? t(field.hint) : undefined}
              rows={field.input === 'pemList' ? 8 : 5}
              placeholder={keep ?? (field.input === 'pemList' ? '-----BEGIN CERTIFICATE-----' : '-----BEGIN …-----')}
            />
          );
        }
        return (
          <Input
            key={field.name}
            {...common}
            type={field.input === 'password' ? 'password' : 'text'}
            // A password manager must not offer the user's login password for a channel key.
            autoComplete={field.input === 'password' ? 'new-password' : 'off'}
            defaultValue={field.input === 'text' && editing ? maskedIdentifier(editing, field.name) : undefined}
            placeholder={field.input === 'password' ? keep : field.placeholder ? t(field.placeholder) : undefined}
          />
        );
      })}
    </div>
  );
}
