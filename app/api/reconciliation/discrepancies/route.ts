// GET /api/reconciliation/discrepancies?paymentChannelId=…&date=yyyy-MM-dd — a day's discrepancies as CSV,
// each line's reason in the requester's language (the dashboard's), with its code beside it.
import { describeDiscrepancy } from '@/app/(dashboard)/reconciliation/describe-discrepancy';
import { getI18n } from '@/components/i18n/server';
import { staffDownload } from '@/server/api/staff-download';
import { exportDiscrepanciesCsv, exportDiscrepanciesCsvInput } from '@/server/backend/reconciliation/export-discrepancies-csv';

export const GET = staffDownload(exportDiscrepanciesCsvInput, async (options) => {
  const { t, locale } = await getI18n();
  return exportDiscrepanciesCsv({ ...options, describe: (line) => describeDiscrepancy({ t, locale, line }) });
});
