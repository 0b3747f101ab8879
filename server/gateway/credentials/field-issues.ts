// Field-by-field validation that reports every bad field at once, each with one message, under
// `credentials.<field>`. Fields are parsed one by one (rather than as one zod object) so that the
// cross-field checks still run, and are reported, when some other field is bad.
import type { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@/server/errors/app-error';
import { CredentialProblem, parseCertificates, requireCurrent, requireRsaCertificate } from './crypto-material';

const PREFIX = 'credentials';

/** A trimmed string; copy-pasted values often carry stray spaces or line breaks. */
export const text = z.string({ error: 'must be a string' }).trim();

/** A string turned into parsed key or certificate material; a CredentialProblem becomes the field's message. */
export function material<T>(parse: (value: string) => T) {
  return text.transform((value, ctx) => {
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof CredentialProblem)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });
}

/** PEM certificates, every one valid at `now`; the first (the leaf) must hold an RSA key. */
export function currentCertificates(now: Date) {
  return material((value): X509Certificate[] => {
    const certificates = parseCertificates(value);
    for (const certificate of certificates) requireCurrent(certificate, now);
    const [leaf] = certificates;
    if (leaf) requireRsaCertificate(leaf);
    return certificates;
  });
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class FieldIssues {
  private readonly fields: Record<string, string> = {};

  add(path: string, message: string): void {
    this.fields[`${PREFIX}.${path}`] ??= message;
  }

  /**
   * Parses one field. A blank value is reported with `missing` (or accepted as absent when
   * `missing` is null). Returns undefined when the field is absent or bad.
   */
  parse<T>(path: string, schema: z.ZodType<T, unknown>, value: unknown, missing: string | null = 'required'): T | undefined {
    if (isBlank(value)) {
      if (missing) this.add(path, missing);
      return undefined;
    }
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    this.add(path, result.error.issues[0]?.message ?? 'is invalid');
    return undefined;
  }

  /** Throws everything reported so far; otherwise returns the required values, now known present. */
  complete<T extends Record<string, unknown>>(required: T): { [K in keyof T]: NonNullable<T[K]> } {
    // A value can only be undefined after its field was reported; this guards against a check forgetting to.
    if (Object.keys(this.fields).length === 0) {
      for (const [name, value] of Object.entries(required)) if (value === undefined) this.add(name, 'required');
    }
    if (Object.keys(this.fields).length > 0) throw AppError.invalidFields(this.fields);
    return required as { [K in keyof T]: NonNullable<T[K]> };
  }
}

/** The input must be an object before any field can be read. */
export function requireRecord(input: unknown): Record<string, unknown> {
  if (!isRecord(input)) throw AppError.invalidFields({ [PREFIX]: 'must be an object of channel credentials' });
  return input;
}
