// GET /api/v1/payments/{serialNo}[?sync=true]
import { z } from 'zod';
import { getPayment } from '@/server/core/payments/find-payments';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { parseQuery } from '@/server/http/parse-body';
import { syncFlag } from '@/server/http/sync-flag';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

export const GET = appRoute<{ serialNo: string }>(async ({ app, params, url }) => {
  const { sync } = parseQuery(url, z.strictObject({ sync: syncFlag }));
  return { status: 200, body: { payment: await getPayment({ appId: app.id, serialNo: params.serialNo, sync }) } };
});
