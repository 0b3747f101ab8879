import { demoFilePath, mergeDemoFile } from '@/server/lib/demo-file';
import { env } from '@/server/config/env';
import { ensurePlatformAdmin } from '@/server/backend/users/ensure-platform-admin';

/**
 * The demo tenant of api-contract.md, made idempotently: running it again changes nothing.
 * Its credentials are in `.data/demo.json`.
 */
export async function seedDemo(): Promise<{ file: string }> {
  await ensurePlatformAdmin();
  await mergeDemoFile({ baseUrl: env().PAYCENTER_BASE_URL });
  return { file: demoFilePath() };
}
