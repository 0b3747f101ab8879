// GET of a bill_download_url: a zip of the GBK CSV files.
import { billArchive } from './bill-archive';
import { openBillLink } from './bill-link';
import { tradeBill } from './trade-bill';

export async function serveAlipayBill(request: Request, now = new Date()): Promise<Response> {
  const ref = await openBillLink(new URL(request.url), now);
  if (!ref) return new Response('链接已失效', { status: 403, headers: { 'content-type': 'text/plain;charset=utf-8' } });
  const files = await tradeBill({ appId: ref.appId, billDate: ref.billDate, now });
  const archive = await billArchive(files, now);
  const filename = `${ref.appId}_${ref.billDate.replaceAll('-', '')}.csv.zip`;
  return new Response(new Uint8Array(archive), {
    status: 200,
    headers: { 'content-type': 'application/oct-stream', 'content-disposition': `attachment; filename="${filename}"` },
  });
}
