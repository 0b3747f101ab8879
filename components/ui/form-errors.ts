import type { MessageKey, Translate } from '@/components/i18n/translate';

/** What a failed tRPC call says, read structurally so this works for any error value. */
export interface RawError {
  appCode: string | null;
  message: string | null;
  /** Field name → server message, e.g. `{ email: 'already in use' }`. */
  fields: Record<string, string>;
  /** True when the request never got an answer (offline, server down). */
  network: boolean;
}

export interface FormErrors {
  appCode: string | null;
  /** A translated top-level message, or null when there was no error. */
  message: string | null;
  /** Field name → translated message; nested paths (`ipAllowlist.2`) are also filed under their root (`ipAllowlist`). */
  fields: Record<string, string>;
}

export interface ErrorMessageOptions {
  /** Messages for app codes this caller can explain better, e.g. `{ CONFLICT: t('apps.rotateConflict') }`. */
  overrides?: Partial<Record<string, string>>;
  /** The fields the form shows; errors for any other field are added to the top-level message so none is lost. */
  knownFields?: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function readError(error: unknown): RawError {
  if (!isRecord(error)) return { appCode: null, message: error == null ? null : String(error), fields: {}, network: false };
  const data = isRecord(error.data) ? error.data : null;
  const details = data && isRecord(data.details) ? data.details : null;
  const fields: Record<string, string> = {};
  if (details && isRecord(details.fields)) {
    for (const [name, text] of Object.entries(details.fields)) if (typeof text === 'string') fields[name] = text;
  }
  return {
    appCode: data && typeof data.appCode === 'string' ? data.appCode : null,
    message: typeof error.message === 'string' ? error.message : null,
    fields,
    // tRPC client errors without `data` never reached the server's error formatter.
    network: data === null && error.name === 'TRPCClientError',
  };
}

/** What the channel itself said when it refused (a CHANNEL_ERROR's `channelCode: channelMessage`), or null. */
export function channelRefusal(error: unknown): string | null {
  if (!isRecord(error) || !isRecord(error.data) || error.data.appCode !== 'CHANNEL_ERROR' || !isRecord(error.data.details)) return null;
  const { channelCode, channelMessage } = error.data.details;
  const said = [channelCode, channelMessage].filter((part): part is string => typeof part === 'string' && part !== '');
  return said.length > 0 ? said.join(': ') : null;
}

const FIELD_MESSAGES: ReadonlyArray<[RegExp, MessageKey]> = [
  [/^already in use$/, 'ui.fieldErrors.alreadyInUse'],
  [/^required for company roles$/, 'ui.fieldErrors.requiredForCompanyRoles'],
  [/^no such property company$/, 'ui.fieldErrors.noSuchCompany'],
  [/^required$/, 'ui.form.required'],
  [/^expected a phone number$/, 'ui.fieldErrors.phone'],
  [/^expected an http\(s\) URL$/, 'ui.fieldErrors.url'],
  [/^must not contain credentials$/, 'ui.fieldErrors.urlCredentials'],
  [/^expected an IP address or CIDR range/, 'ui.fieldErrors.ipRange'],
];

/** The server's field messages are English; the ones the dashboard's forms meet are translated. */
export function translateFieldMessage(message: string, t: Translate): string {
  const known = FIELD_MESSAGES.find(([pattern]) => pattern.test(message));
  return known ? t(known[1]) : message;
}

const APP_CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  UNAUTHENTICATED: 'ui.errors.UNAUTHENTICATED',
  FORBIDDEN: 'ui.errors.FORBIDDEN',
  NOT_FOUND: 'ui.errors.NOT_FOUND',
  CONFLICT: 'ui.errors.CONFLICT',
  INTERNAL_ERROR: 'ui.errors.INTERNAL_ERROR',
};

export function getFormErrors(error: unknown, t: Translate, options: ErrorMessageOptions = {}): FormErrors {
  if (error == null) return { appCode: null, message: null, fields: {} };
  const raw = readError(error);
  const fields: Record<string, string> = {};
  const stray: string[] = [];
  for (const [name, text] of Object.entries(raw.fields)) {
    const message = translateFieldMessage(text, t);
    const root = name.split('.')[0] ?? name;
    fields[name] = message;
    fields[root] ??= message;
    if (options.knownFields && !options.knownFields.includes(root)) stray.push(`${name}: ${message}`);
  }
  let message: string;
  const override = raw.appCode ? options.overrides?.[raw.appCode] : undefined;
  const codeKey = raw.appCode ? APP_CODE_MESSAGES[raw.appCode] : undefined;
  if (override) message = override;
  else if (raw.network) message = t('ui.errors.network');
  else if (raw.appCode === 'INVALID_REQUEST' && Object.keys(raw.fields).length > 0) message = t('ui.form.fixFields');
  else if (codeKey) message = t(codeKey);
  else message = raw.message || t('ui.errors.unexpected');
  if (stray.length > 0) message = `${message} ${stray.join('; ')}`;
  return { appCode: raw.appCode, message, fields };
}

/** Just the top-level message, for errors that are not about a form (loading, row actions). */
export function errorMessage(error: unknown, t: Translate, overrides?: ErrorMessageOptions['overrides']): string {
  return getFormErrors(error, t, { overrides }).message ?? t('ui.errors.unexpected');
}
