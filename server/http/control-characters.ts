import { AppError } from '@/server/errors/app-error';

/**
 * Control characters at the doors (app API, tRPC, downloads, callbacks). NUL is never text (PostgreSQL refuses it in text and
 * jsonb, which made it a 500); the other C0 controls have no place in keys, identifiers, query
 * parameters or path segments. JSON string values may hold tab, line feed and carriage return
 * (a metadata value or a refund reason can be several lines), nothing else below U+0020.
 */
const ANY_CONTROL = /[\u0000-\u001f]/;
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

export const CONTROL_CHARACTERS_REFUSED = 'must not contain control characters';

/** Whether a one-line string (key, identifier, query parameter, path segment) holds a control character. */
export function hasControlCharacter(value: string): boolean {
  return ANY_CONTROL.test(value);
}

/**
 * The fields of a parsed JSON value holding control characters, named by their path as validation
 * names them (`metadata.note`, `receivers.0.description`); a bad key names the key itself.
 */
export function controlCharacterFields(value: unknown, path: readonly string[] = []): string[] {
  if (typeof value === 'string') return CONTROL_BUT_WHITESPACE.test(value) ? [path.join('.') || '(body)'] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const itemPath = [...path, key];
    return hasControlCharacter(key) ? [itemPath.join('.')] : controlCharacterFields(item, itemPath);
  });
}

/** The query parameters whose name or any value holds a control character. */
export function controlCharacterParams(params: URLSearchParams): string[] {
  return [...new Set([...params].flatMap(([name, value]) => (hasControlCharacter(name) || hasControlCharacter(value) ? [name] : [])))];
}

/** Throws the 400 naming each field that holds a control character, when there is one. */
export function refuseControlCharacters(fields: readonly string[]): void {
  if (fields.length) throw AppError.invalidFields(Object.fromEntries(fields.map((name) => [name, CONTROL_CHARACTERS_REFUSED])));
}

/**
 * Whether a channel callback's raw text carries a NUL: literally, form-encoded (`%00`) or as a JSON
 * escape (`\u0000`). Genuine callbacks never do, and PostgreSQL could store neither the text nor a
 * field decoded from it.
 */
export function carriesNul(text: string): boolean {
  return /\u0000|%00|\\u0000/.test(text);
}
