import { z } from 'zod';

/** An app's own number for something it asks for (refundNo, splitNo): its idempotency key. */
export const appReference = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { error: 'expected 1-64 characters of A-Z a-z 0-9 _ -' });

/** A time in an answer: ISO-8601 with offset. */
export const isoTime = z.iso.datetime({ offset: true });
