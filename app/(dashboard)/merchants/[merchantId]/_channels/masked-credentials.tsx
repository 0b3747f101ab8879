'use client';

import type { ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import type { CertificateSummary } from '@/server/gateway/credentials/mask-material';
import type { ChannelKind } from '../../merchant-types';
import { formatDate } from '../../format-date';
import { CREDENTIAL_FORMS } from './credential-specs';
import type { MaskedCredentials } from './masked-credentials-of';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCertificate(value: unknown): value is CertificateSummary {
  return isRecord(value) && typeof value.subject === 'string' && typeof value.serial === 'string' && typeof value.validTo === 'string';
}

const mono = 'font-mono text-xs break-all text-slate-800';

/**
 * What is stored for a LIVE channel, as the server masked it: identifiers in full, secrets only as
 * "set" with a fingerprint, certificates by subject and serial. The masked view has no secret to leak.
 */
export function MaskedCredentialsList({ channel, masked }: { channel: ChannelKind; masked: MaskedCredentials }) {
  const { t, locale } = useI18n();
  const spec = CREDENTIAL_FORMS[channel];

  function certificate(summary: CertificateSummary) {
    return (
      <span key={summary.serial} className="block">
        <span className="block text-slate-800">{summary.subject}</span>
        <span className={mono}>{t('channels.certificateSummary', { serial: summary.serial, validTo: formatDate(summary.validTo, locale) })}</span>
      </span>
    );
  }

  function display(value: unknown): ReactNode {
    if (typeof value === 'string') return <span className={mono}>{value}</span>;
    if (Array.isArray(value)) return value.length > 0 ? value.filter(isCertificate).map(certificate) : null;
    if (isCertificate(value)) return certificate(value);
    if (isRecord(value) && typeof value.fingerprint === 'string') {
      return value.set === true ? (
        <span data-testid="secret-set">{t('channels.secretSet', { fingerprint: value.fingerprint })}</span>
      ) : (
        <span className={mono}>{t('channels.keyFingerprint', { fingerprint: value.fingerprint })}</span>
      );
    }
    return null;
  }

  const modeValue: unknown = spec.mode ? Reflect.get(masked, spec.mode.name) : undefined;
  const modeLabel = spec.mode?.options.find((option) => option.value === modeValue)?.label;
  const rows: { key: string; label: string; value: ReactNode }[] = [
    ...(spec.mode && modeLabel ? [{ key: spec.mode.name, label: t(spec.mode.label), value: t(modeLabel) }] : []),
    ...spec.fields.map((field) => ({ key: field.name, label: t(field.label), value: display(Reflect.get(masked, field.name)) })),
  ].filter((row) => row.value !== null);

  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]" data-testid="masked-credentials">
      {rows.map((row) => (
        <div key={row.key} className="contents">
          <dt className="text-slate-600">{row.label}</dt>
          <dd className="-mt-2 min-w-0 sm:mt-0">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
