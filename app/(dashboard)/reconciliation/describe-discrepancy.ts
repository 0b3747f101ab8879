// A discrepancy's reason in the reader's language, from the code and figures reconciliation stored
// (server/finance/reconciliation/discrepancy.ts). Shared by the day's page and the CSV export's route.
import type { Locale } from '@/components/i18n/config';
import type { MessageValues, Translate } from '@/components/i18n/translate';
import { formatFen } from '@/components/money/fen';
import type { DiscrepancyReason } from '@/server/finance/reconciliation/discrepancy';

type ReasonCode = DiscrepancyReason['code'];

const CODES: Record<ReasonCode, true> = {
  NOT_SUCCEEDED_AT_CHANNEL: true,
  NOT_SUCCEEDED_WITH_US: true,
  AMOUNT_DIFFERS: true,
  CHANNEL_NUMBER_DIFFERS: true,
  LISTED_TWICE: true,
  NOT_RECORDED: true,
  NOT_IN_BILLS: true,
  BILL_FIGURES_DIFFER: true,
  UNKNOWN_TO_CHANNEL: true,
  STATES_DIFFER: true,
};

const isReasonCode = (code: string | null): code is ReasonCode => code !== null && code in CODES;

export interface ReasonedLine {
  reason: string | null;
  reasonParams: unknown;
  /** The English text of lines found before reasons were stored. */
  detail: string | null;
}

/** Figures as a reader reads them: …Amount params are fen shown as yuan, times in Beijing time, a record kind translated. */
function values(options: { t: Translate; locale: Locale; params: unknown }): MessageValues {
  const { t, locale, params } = options;
  const shown: MessageValues = {};
  if (typeof params !== 'object' || params === null) return shown;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Shanghai' });
  for (const [name, value] of Object.entries(params) as Array<[string, unknown]>) {
    if (value === null) shown[name] = '—';
    else if (typeof value === 'number') shown[name] = name.endsWith('Amount') ? formatFen(value) : value;
    else if (name === 'record') shown[name] = t(value === 'refund' ? 'reconciliation.reasons.records.refund' : 'reconciliation.reasons.records.payment');
    else if (name === 'at') shown[name] = time.format(new Date(String(value)));
    else shown[name] = String(value);
  }
  return shown;
}

export function describeDiscrepancy(options: { t: Translate; locale: Locale; line: ReasonedLine }): string {
  const { t, locale, line } = options;
  if (!isReasonCode(line.reason)) return line.detail ?? '';
  const params = line.reasonParams;
  // A record of ours that succeeded far from the day says when.
  const at = line.reason === 'NOT_SUCCEEDED_WITH_US' && typeof params === 'object' && params !== null && 'at' in params && params.at !== null;
  return t(at ? 'reconciliation.reasons.NOT_SUCCEEDED_WITH_US_AT' : `reconciliation.reasons.${line.reason}`, values({ t, locale, params }));
}
