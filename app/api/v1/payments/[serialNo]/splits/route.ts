import { z } from 'zod';
import { createSplit } from '@/server/core/splits/create-split';
import { toSplitObject } from '@/server/contract/split';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { parseJsonBody } from '@/server/http/parse-body';

export const dynamic = 'force-dynamic';
export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods('POST');

const splitBody = z.strictObject({
  splitNo: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { error: 'expected 1-64 characters of A-Z a-z 0-9 _ -' }),
  receivers: z
    .array(
      z.strictObject({
        receiverId: z.string().min(1).max(64),
        amount: z.number().int().positive().max(100_000_000),
        // WeChat Pay takes at most 80 bytes of UTF-8.
        description: z.string().min(1).refine((text) => Buffer.byteLength(text) <= 80, { error: 'must be at most 80 bytes of UTF-8' }),
      }),
    )
    .min(1)
    .max(50),
  finish: z.boolean().default(false),
});

/** POST /api/v1/payments/{serialNo}/splits: 201 a new split, 200 the same splitNo and content again. */
export const POST = appRoute<{ serialNo: string }>(async (request) => {
  const body = parseJsonBody(request.rawBody, splitBody);
  const { created, split } = await createSplit({ appId: request.app.id, serialNo: request.params.serialNo, ...body });
  return { status: created ? 201 : 200, body: { split: toSplitObject(split) } };
});
