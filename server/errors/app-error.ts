import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './error-codes';

export type ErrorDetails = Record<string, unknown>;

/** The one error type services throw. Routes and the tRPC formatter map it through ERROR_CODES. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetails) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  static invalidFields(fields: Record<string, string>): AppError {
    const names = Object.keys(fields);
    return new AppError('INVALID_REQUEST', `Invalid field${names.length > 1 ? 's' : ''}: ${names.join(', ')}`, { fields });
  }

  static fromZod(error: z.ZodError): AppError {
    // A Map, not an object literal: a field named `__proto__` or `constructor` must be named too.
    const fields = new Map<string, string>();
    const name = (field: string, problem: string) => {
      if (!fields.has(field)) fields.set(field, problem);
    };
    for (const issue of error.issues) {
      const path = issue.path.map(String);
      // Zod reports a strict object's unknown keys as one issue on the object: name each key, so
      // `details.fields` says which ones to remove.
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) name([...path, key].join('.'), 'is not a known field');
      } else {
        name(path.length ? path.join('.') : '(body)', issue.message);
      }
    }
    return AppError.invalidFields(Object.fromEntries(fields));
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetails };
}

/** Anything thrown becomes an AppError; unknown errors become INTERNAL_ERROR with no internals. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return AppError.fromZod(error);
  return new AppError('INTERNAL_ERROR');
}

export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}
