import { z } from 'zod';
import { AppError } from '@/server/errors/app-error';
import { addDays, beijingDay, isDay } from '@/server/gateway/beijing-time';

export const OVERVIEW_PERIODS = ['today', '7d', '30d', 'month', 'custom'] as const;

/** No payment of this center is older; earlier days are typing mistakes. */
const FIRST_DAY = '2000-01-01';
/** A leap year and a day: a year compared with the one before stays one request. */
const MAX_DAYS = 366;

export const periodFields = {
  period: z.enum(OVERVIEW_PERIODS).default('7d'),
  /** "yyyy-MM", with period month. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'is not a month (yyyy-MM)' }).optional(),
  /** Beijing days "yyyy-MM-dd", both included, with period custom. */
  from: z.string().refine(isDay, { error: 'is not a day (yyyy-MM-dd)' }).optional(),
  to: z.string().refine(isDay, { error: 'is not a day (yyyy-MM-dd)' }).optional(),
};

type PeriodInput = { period: (typeof OVERVIEW_PERIODS)[number]; month?: string; from?: string; to?: string };

/** The Beijing days a period covers, `to` never after today; bad bounds are a 400 naming the field. */
export function resolvePeriod(input: PeriodInput, now: Date): { from: string; to: string } {
  const today = beijingDay(now);
  if (input.period !== 'custom') {
    for (const field of ['from', 'to'] as const) if (input[field] !== undefined) throw AppError.invalidFields({ [field]: 'is only allowed with period custom' });
  }
  if (input.period !== 'month' && input.month !== undefined) throw AppError.invalidFields({ month: 'is only allowed with period month' });
  switch (input.period) {
    case 'today':
      return { from: today, to: today };
    case '7d':
      return { from: addDays(today, -6), to: today };
    case '30d':
      return { from: addDays(today, -29), to: today };
    case 'month': {
      if (!input.month) throw AppError.invalidFields({ month: 'is required with period month' });
      const from = `${input.month}-01`;
      if (from < FIRST_DAY) throw AppError.invalidFields({ month: `is before ${FIRST_DAY.slice(0, 7)}` });
      if (from > today) throw AppError.invalidFields({ month: 'has not begun' });
      const last = addDays(addDays(from, 31).slice(0, 8) + '01', -1);
      return { from, to: last < today ? last : today };
    }
    case 'custom': {
      if (!input.from) throw AppError.invalidFields({ from: 'is required with period custom' });
      if (!input.to) throw AppError.invalidFields({ to: 'is required with period custom' });
      if (input.from < FIRST_DAY) throw AppError.invalidFields({ from: `is before ${FIRST_DAY}` });
      if (input.to > today) throw AppError.invalidFields({ to: 'is after today (Asia/Shanghai)' });
      if (input.from > input.to) throw AppError.invalidFields({ to: 'is before from' });
      if (addDays(input.from, MAX_DAYS - 1) < input.to) throw AppError.invalidFields({ to: `is more than ${MAX_DAYS} days from from` });
      return { from: input.from, to: input.to };
    }
  }
}
