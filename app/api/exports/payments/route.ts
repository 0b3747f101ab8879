// GET /api/exports/payments?<the payments list's filters> — the payments they select as a streamed CSV,
// its header in the requester's language (the dashboard's); X-Total-Count says how many rows to expect.
import { getI18n } from '@/components/i18n/server';
import { staffDownload } from '@/server/api/staff-download';
import { exportPaymentsCsv } from '@/server/backend/exports/export-payments-csv';
import { exportQuery } from '@/server/backend/exports/export-file';

export const GET = staffDownload(exportQuery, async (options) => {
  const { t } = await getI18n();
  return exportPaymentsCsv({ ...options, heading: (column) => t(`exports.paymentColumns.${column}`) });
});
