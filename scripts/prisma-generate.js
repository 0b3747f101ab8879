// Runs `prisma generate` offline as well as online. Every Prisma CLI command first looks for the
// native schema-engine binary and tries to download it; generate never runs it, so when the binary
// is missing we point PRISMA_SCHEMA_ENGINE_BINARY at an existing file and the download is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const enginesDir = path.join(root, 'node_modules', '@prisma', 'engines');
const hasNativeEngine =
  existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith('schema-engine'));

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasNativeEngine) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, 'package.json');
}

const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
