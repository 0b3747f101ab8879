import { z } from 'zod';
import { addDays, beijingDay, beijingDayStart, isDay } from '@/server/gateway/beijing-time';

const LIMIT_ERROR = 'expected a whole number from 1 to 1000';

/** The query of GET /api/v1/statements; `date` is a Beijing calendar day that has begun. */
export const statementQuery = z.strictObject({
  merchantId: z.string().min(1).max(64),
  date: z
    .string()
    .refine(isDay, { error: 'expected a calendar day, YYYY-MM-DD' })
    .refine((day) => day <= beijingDay(new Date()), { error: 'is a day that has not begun in Asia/Shanghai' })
    .meta({ format: 'date', description: 'A calendar day in Asia/Shanghai, YYYY-MM-DD, that has begun.' }),
  cursor: z.string().min(1).max(200).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { error: LIMIT_ERROR })
    // The default as the string a query carries, so the OpenAPI document shows it as sent.
    .default('100')
    .transform(Number)
    .pipe(z.number().min(1, { error: LIMIT_ERROR }).max(1000, { error: LIMIT_ERROR })),
});

export type StatementQuery = z.infer<typeof statementQuery>;

/** The instants a Beijing calendar day covers: [start, end). */
export interface DayRange {
  start: Date;
  end: Date;
}

export function dayRange(day: string): DayRange {
  return { start: beijingDayStart(day), end: beijingDayStart(addDays(day, 1)) };
}
