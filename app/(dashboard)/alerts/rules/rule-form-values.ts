import type { AlertKind, AlertSeverity } from '@/server/db/generated/client';

/** A rule's params as the API gives them: numbers, or lists of numbers (a certificate's days). */
export type RuleParams = Record<string, number | number[]>;

/** The form's text fields: `enabled`, `severity`, and one `params.<name>` per threshold, so the server's field errors land on them. */
export type RuleFormValues = Record<string, string>;

export const paramField = (name: string) => `params.${name}`;

export function ruleFormValues(rule: { enabled: boolean; severity: AlertSeverity; params: RuleParams }): RuleFormValues {
  const values: RuleFormValues = { enabled: String(rule.enabled), severity: rule.severity };
  for (const [name, value] of Object.entries(rule.params)) values[paramField(name)] = Array.isArray(value) ? value.join(', ') : String(value);
  return values;
}

/** A list is written as "30, 7, 1"; a blank entry is not a number. */
const numbersOf = (text: string) => text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part.trim())));

/** The update's input; each param keeps the shape of its default (a number, or a list of numbers). */
export function ruleInput(kind: AlertKind, defaults: RuleParams, values: RuleFormValues) {
  const params = Object.fromEntries(
    Object.entries(defaults).map(([name, fallback]) => {
      const text = values[paramField(name)] ?? '';
      return [name, Array.isArray(fallback) ? numbersOf(text) : text.trim() === '' ? Number.NaN : Number(text.trim())];
    }),
  );
  return { kind, enabled: values.enabled === 'true', severity: values.severity as AlertSeverity, params };
}

/** The fields that do not hold numbers, before anything is sent; ranges are the server's to check. */
export function invalidParams(defaults: RuleParams, values: RuleFormValues): string[] {
  return Object.entries(defaults)
    .filter(([name, fallback]) => {
      const text = values[paramField(name)] ?? '';
      return (Array.isArray(fallback) ? numbersOf(text) : [text.trim() === '' ? Number.NaN : Number(text.trim())]).some((value) => !Number.isFinite(value));
    })
    .map(([name]) => paramField(name));
}
