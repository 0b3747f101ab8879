// GET /api/v1/statements?merchantId=&date=YYYY-MM-DD[&cursor=&limit=1..1000] — the app's money of one
// merchant on one Beijing day: JSON pages, or with `Accept: text/csv` the whole day streamed as CSV.
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { parseQuery } from '@/server/http/parse-body';
import { getStatement } from '@/server/finance/statements/get-statement';
import { statementQuery } from '@/server/finance/statements/statement-query';
import { streamStatementCsv } from '@/server/finance/statements/stream-statement-csv';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** Whether the Accept header asks for CSV (any listed `text/csv` not refused with q=0). */
function acceptsCsv(accept: string | null): boolean {
  return (accept ?? '').split(',').some((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    return type === 'text/csv' && !params.some((param) => /^q=0(\.0*)?$/.test(param));
  });
}

export const GET = appRoute(async ({ app, url, headers }) => {
  const query = parseQuery(url, statementQuery);
  if (!acceptsCsv(headers.get('accept'))) return { status: 200, body: await getStatement({ appId: app.id, query }) };
  const csv = await streamStatementCsv({ appId: app.id, query });
  return new Response(csv, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="statement-${query.merchantId}-${query.date}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
