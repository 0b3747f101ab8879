import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/server/config/env';

/** `.data/demo.json` (see api-contract.md, "Demo tenant"): credentials for local use, mode 0600. */
export function demoFilePath(): string {
  return path.join(env().dataDir, 'demo.json');
}

export async function readDemoFile(): Promise<Record<string, unknown>> {
  const file = demoFilePath();
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>) : {};
}

/** Merges `patch` into the demo file, keeping what other steps wrote. */
export async function mergeDemoFile(patch: Record<string, unknown>): Promise<void> {
  const next = { ...(await readDemoFile()), ...patch };
  await mkdir(path.dirname(demoFilePath()), { recursive: true });
  await writeFile(demoFilePath(), JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
}
