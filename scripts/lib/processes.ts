import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const children = new Set<ChildProcess>();

/** Spawns a child that is stopped when this launcher stops. */
export function spawnManaged(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Stops the children, runs `cleanup`, then exits; on Ctrl-C, SIGTERM or when `main` exits. */
export function onShutdown(cleanup: () => Promise<void>): (code: number) => Promise<never> {
  let stopping = false;
  const shutdown = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(
        [...children].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))),
      );
      await cleanup().catch((error: unknown) => console.error(error));
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));
  return shutdown;
}

/**
 * Node arguments that run PayCenter's HTTP entry (scripts/serve.ts) in a child process: in
 * development from its source, in production the copy `npm run build` bundles. Loaded through tsx,
 * every module Next requires passes its loader too: the production server then holds some 130 MB
 * more (docs/benchmarks.md, "Memory").
 */
export const serveEntry = (mode: 'development' | 'production'): string[] => (mode === 'production' ? [SERVE_BUNDLE] : ['--import', 'tsx', 'scripts/serve.ts']);

/** scripts/serve.ts bundled by `npm run build` (build:serve); `next` stays outside, as the build's own. */
export const SERVE_BUNDLE = 'release/serve.mjs';
