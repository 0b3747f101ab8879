import { spawn } from 'node:child_process';

/**
 * Starts the Inngest dev server (`npx inngest-cli@latest dev`) next to Next when it can be
 * obtained (`INNGEST_DEV=1 npm run dev`). Offline it cannot (it downloads a Go binary). Resolves to
 * the dev server's URL, or null after saying once why it is absent.
 */
export async function startInngestDev(appUrl: string, register: (stop: () => void) => void): Promise<string | null> {
  const port = 8288;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('npx', ['--yes', 'inngest-cli@latest', 'dev', '--no-discovery', '-u', `${appUrl}/api/inngest`, '--port', String(port)], {
    stdio: 'ignore',
  });
  register(() => child.kill('SIGTERM'));
  const exited = new Promise<false>((resolve) => child.once('exit', () => resolve(false)));
  const up = (async () => {
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(url, { signal: AbortSignal.timeout(500) })).ok) return true;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    return false;
  })();
  if (await Promise.race([up, exited])) return url;
  child.kill('SIGTERM');
  console.warn(
    '\n[paycenter] The Inngest dev server is not available (`npx inngest-cli@latest dev` needs internet to download it). ' +
      'Start it yourself when online, or run `npm run dev` without INNGEST_DEV to run the jobs in-process.\n',
  );
  return null;
}
