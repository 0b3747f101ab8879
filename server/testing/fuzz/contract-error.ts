// For the fuzz suites: what is wrong with an app API answer, if anything. A refusal is the contract's
// error shape `{ error: { code, message, details? } }` with a known code and that code's status.
import { ERROR_CODES } from '@/server/errors/error-codes';
import type { RawAnswer } from './raw-request';

export function contractErrorProblem(answer: RawAnswer, method: string): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status < 300) return null;
  if (answer.status < 400) return `redirected (${answer.status}) instead of answering`;
  // A HEAD answer has no body by definition; its status is all there is to check.
  if (method === 'HEAD') return null;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `answered ${answer.status} with a body that is not JSON: ${JSON.stringify(answer.text.slice(0, 80))}`;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') return `answered ${answer.status} outside the error shape: ${answer.text.slice(0, 120)}`;
  if (!Object.hasOwn(ERROR_CODES, error.code)) return `answered the unknown code ${error.code}`;
  const expected = ERROR_CODES[error.code as keyof typeof ERROR_CODES].status;
  if (expected !== answer.status) return `answered ${error.code} with ${answer.status} instead of ${expected}`;
  if (error.details !== undefined && error.details !== null && typeof error.details !== 'object') return `answered details that are not an object`;
  return null;
}
