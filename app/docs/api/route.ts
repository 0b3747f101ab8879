// GET /docs/api — the rendered API reference of /api/v1/openapi.json (server/http/openapi/reference-page.ts).
import { referencePage } from '@/server/http/openapi/reference-page';

export function GET(): Response {
  return referencePage();
}
