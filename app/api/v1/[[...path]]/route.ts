// Any /api/v1 path that no other route serves: 404 in the contract's error shape, not Next's page.
import { AppError } from '@/server/errors/app-error';
import { errorResponse } from '@/server/http/json-response';
import { requestIdFrom } from '@/server/lib/request-id';

export const dynamic = 'force-dynamic';

async function notFound(request: Request): Promise<Response> {
  return errorResponse(new AppError('NOT_FOUND', 'No such API route.'), requestIdFrom(request.headers));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
