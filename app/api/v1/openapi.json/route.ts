// GET /api/v1/openapi.json — the OpenAPI 3.1 document of the app API: public (no signature), cacheable.
import { openApiDocument } from '@/server/http/openapi/build-document';
import { otherMethods } from '@/server/http/other-methods';

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

export async function GET(): Promise<Response> {
  return Response.json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } });
}
