// POST /api/v1/sandbox/payments/{serialNo}/fail — the simulated user's payment fails (sandbox mode only).
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { failSandboxPayment } from '@/server/sandbox/sandbox-payments';

export const dynamic = 'force-dynamic';
export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods('POST');

export const POST = appRoute<{ serialNo: string }>(async ({ app, params }) => ({
  status: 200,
  body: { payment: await failSandboxPayment({ appId: app.id, serialNo: params.serialNo }) },
}));
