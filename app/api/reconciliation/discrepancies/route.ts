// GET /api/reconciliation/discrepancies?paymentChannelId=…&date=yyyy-MM-dd — a day's discrepancies as CSV.
import { staffDownload } from '@/server/api/staff-download';
import { exportDiscrepanciesCsv, exportDiscrepanciesCsvInput } from '@/server/backend/reconciliation/export-discrepancies-csv';

export const GET = staffDownload(exportDiscrepanciesCsvInput, exportDiscrepanciesCsv);
