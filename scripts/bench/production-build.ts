// The HTTP cases measure the production build (`npm run build`). The bench builds it itself when
// `.next` is missing or older than any source that goes into it, so a number never comes from a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnManaged } from '../lib/processes';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['app', 'server', 'components', 'inngest', 'prisma', 'next.config.js', 'package.json', 'package-lock.json', 'tsconfig.json'];
// Tests and test helpers are not built; the generated Prisma client is rewritten by every build.
const NOT_BUILT = /(\.test\.tsx?$|\/(testing|generated)(\/|$))/;

function newestSourceMs(): number {
  let newest = 0;
  for (const source of SOURCES) {
    const full = path.join(ROOT, source);
    if (!existsSync(full)) continue;
    const files = statSync(full).isDirectory() ? readdirSync(full, { recursive: true, encoding: 'utf8' }).map((file) => path.join(full, file)) : [full];
    for (const file of files) {
      if (NOT_BUILT.test(file)) continue;
      const stat = statSync(file);
      if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

/** Answers why a build is needed, or null when `.next` is newer than every source. */
function staleReason(): string | null {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no production build (.next/BUILD_ID)';
  return newestSourceMs() > statSync(buildId).mtimeMs ? 'sources changed since the last production build' : null;
}

/** Runs `npm run build` when the production build is missing or stale; `log` says which. */
export async function ensureProductionBuild(log: (message: string) => void): Promise<void> {
  const reason = staleReason();
  if (!reason) return log('production build is up to date (.next newer than every source)');
  log(`${reason}: running \`npm run build\` (a few minutes)`);
  const build = spawnManaged('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
}
