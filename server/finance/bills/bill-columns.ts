// Columns are found by their header name, never by position: the channels add, drop and reorder
// columns between bill types (ALL / SUCCESS / REFUND) and between layouts.
import { billError } from './bill-error';

/** Index of the first of `names` the header has (they are alternatives, preferred first), or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  for (const name of names) {
    const index = header.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}

export function requireColumn(header: readonly string[], names: readonly string[], line: number): number {
  const index = findColumn(header, names);
  if (index < 0) throw billError(`unknown layout: the header has no ${names.join(' / ')} column`, { line });
  return index;
}

/** The cells of a record with the channel's padding (Alipay's tabs) removed. */
export const trimmed = (fields: readonly string[]): string[] => fields.map((field) => field.trim());
