import { findSplitForApp } from '@/server/core/splits/find-split';
import { toSplitObject } from '@/server/contract/split';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** GET /api/v1/splits/{splitSerialNo}: one of the app's splits. */
export const GET = appRoute<{ splitSerialNo: string }>(async (request) => {
  const split = await findSplitForApp({ appId: request.app.id, splitSerialNo: request.params.splitSerialNo });
  return { status: 200, body: { split: toSplitObject(split) } };
});
