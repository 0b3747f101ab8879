import { z } from 'zod';
import { AppError } from '@/server/errors/app-error';
import { controlCharacterFields, controlCharacterParams, refuseControlCharacters } from './control-characters';

function parseWith<T>(input: unknown, schema: z.ZodType<T>): T {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.fromZod(result.error);
  return result.data;
}

/** A request body that must be a JSON object matching the schema (use strict objects), free of control characters (control-characters.ts). */
export function parseJsonBody<T>(rawBody: string, schema: z.ZodType<T>): T {
  let input: unknown;
  try {
    input = JSON.parse(rawBody);
  } catch {
    input = undefined;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw AppError.invalidFields({ '(body)': 'must be a JSON object' });
  }
  refuseControlCharacters(controlCharacterFields(input));
  return parseWith(input, schema);
}

/**
 * A query string matching the schema: each parameter is a string, or an array of strings when it
 * is repeated (so a schema expecting one value names the repeated field as bad). No parameter,
 * name or value, holds a control character.
 */
export function parseQuery<T>(url: URL, schema: z.ZodType<T>): T {
  refuseControlCharacters(controlCharacterParams(url.searchParams));
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    input[key] = values.length === 1 ? values[0]! : values;
  }
  return parseWith(input, schema);
}
