// GET /docs/api/{asset} — the reference page's script and style files.
import { referenceAsset } from '@/server/http/openapi/reference-page';

export async function GET(_request: Request, context: { params: Promise<{ asset: string }> }): Promise<Response> {
  return referenceAsset((await context.params).asset);
}
