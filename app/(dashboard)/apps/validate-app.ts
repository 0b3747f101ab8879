import type { Translate } from '@/components/i18n/translate';
import { isHttpUrl, isOrigin } from '@/server/lib/http-url';
import { isIpOrCidr } from '@/server/lib/ip-or-cidr';

export type AppValues = {
  name: string;
  description: string;
  defaultNotifyUrl: string;
  /** One IP address or CIDR range per line. */
  ipAllowlist: string;
  /** One origin (https://app.example) per line. */
  returnOrigins: string;
};

export const APP_FIELDS = ['name', 'description', 'defaultNotifyUrl', 'ipAllowlist', 'returnOrigins'] as const;

export type AppErrors = Partial<Record<keyof AppValues, string>>;

export const emptyApp: AppValues = { name: '', description: '', defaultNotifyUrl: '', ipAllowlist: '', returnOrigins: '' };

const MAX_ALLOWLIST = 50;
const MAX_RETURN_ORIGINS = 20;

/** A textarea's lines as an array: trimmed, blank lines dropped. */
export function parseIpAllowlist(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function validateApp(values: AppValues, t: Translate): AppErrors {
  const errors: AppErrors = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 100) errors.name = t('apps.validation.nameLength');
  if (values.description.trim().length > 500) errors.description = t('apps.validation.descriptionLength');
  const url = values.defaultNotifyUrl.trim();
  if (url && (url.length > 2048 || !isHttpUrl(url))) errors.defaultNotifyUrl = t('apps.validation.url');
  const lines = values.ipAllowlist.split(/\r?\n/).map((line) => line.trim());
  const bad = lines.findIndex((line) => line && !isIpOrCidr(line));
  if (bad >= 0) errors.ipAllowlist = t('apps.validation.ipLine', { line: bad + 1, value: lines[bad] ?? '' });
  else if (parseIpAllowlist(values.ipAllowlist).length > MAX_ALLOWLIST) errors.ipAllowlist = t('apps.validation.ipTooMany');
  const origins = parseIpAllowlist(values.returnOrigins);
  const badOrigin = origins.find((line) => !isOrigin(line));
  if (badOrigin !== undefined) errors.returnOrigins = t('apps.validation.origin', { value: badOrigin });
  else if (origins.length > MAX_RETURN_ORIGINS) errors.returnOrigins = t('apps.validation.originsTooMany');
  return errors;
}

export function appInput(values: AppValues) {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    defaultNotifyUrl: values.defaultNotifyUrl.trim(),
    ipAllowlist: parseIpAllowlist(values.ipAllowlist),
    returnOrigins: parseIpAllowlist(values.returnOrigins),
  };
}

export function appValues(app: { name: string; description: string | null; defaultNotifyUrl: string | null; ipAllowlist: string[]; returnOrigins: string[] }): AppValues {
  return {
    name: app.name,
    description: app.description ?? '',
    defaultNotifyUrl: app.defaultNotifyUrl ?? '',
    ipAllowlist: app.ipAllowlist.join('\n'),
    returnOrigins: app.returnOrigins.join('\n'),
  };
}
