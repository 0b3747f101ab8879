// GET /api/exports/refunds?<the payments list's filters> — every refund of the payments they select as a
// streamed CSV (see exportRefundsCsv), its header in the requester's language; X-Total-Count as for payments.
import { getI18n } from '@/components/i18n/server';
import { staffDownload } from '@/server/api/staff-download';
import { exportQuery } from '@/server/backend/exports/export-file';
import { exportRefundsCsv } from '@/server/backend/exports/export-refunds-csv';

export const GET = staffDownload(exportQuery, async (options) => {
  const { t } = await getI18n();
  return exportRefundsCsv({ ...options, heading: (column) => t(`exports.refundColumns.${column}`) });
});
