// GET /api/reconciliation/bill?billId=… — a stored channel bill, the bytes the channel served.
import { staffDownload } from '@/server/api/staff-download';
import { readBillFile, readBillFileInput } from '@/server/backend/reconciliation/read-bill-file';

export const GET = staffDownload(readBillFileInput, readBillFile);
