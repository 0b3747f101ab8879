// Next 16's proxy (the renamed middleware). Next decodes a dynamic route's params while matching
// the path, after the proxy runs; a malformed percent-escape there throws, and Next answers a
// plain-text 500 (App Router has no /400 page). A rewrite cannot help: Next derives the params from
// the original URL again. So such a path is answered here, in its door's own format.
import type { NextRequest } from 'next/server';
import { malformedPathResponse, pathDecodes } from '@/server/http/malformed-path';

export function proxy(request: NextRequest): Response | undefined {
  return pathDecodes(request.nextUrl.pathname) ? undefined : malformedPathResponse(request);
}

// Only paths holding a '%' can fail to decode: every other request skips the proxy entirely.
export const config = { matcher: '/:path(.*%.*)' };
