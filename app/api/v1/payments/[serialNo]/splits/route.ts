import { createSplit } from '@/server/core/splits/create-split';
import { createSplitRequest, toSplitObject } from '@/server/contract/split';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { parseJsonBody } from '@/server/http/parse-body';

export const dynamic = 'force-dynamic';
export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods('POST');

/** POST /api/v1/payments/{serialNo}/splits: 201 a new split, 200 the same splitNo and content again. */
export const POST = appRoute<{ serialNo: string }>(async (request) => {
  const body = parseJsonBody(request.rawBody, createSplitRequest);
  const { created, split } = await createSplit({ appId: request.app.id, serialNo: request.params.serialNo, ...body });
  return { status: created ? 201 : 200, body: { split: toSplitObject(split) } };
});
