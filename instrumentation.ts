// Next calls register() once when a server process starts (`next dev` and `next start` alike).

export async function register(): Promise<void> {
  // Next inlines NEXT_RUNTIME per bundle, so the Node-only modules below never reach an edge bundle.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startJobs } = await import('@/server/jobs/start-jobs');
  startJobs();
}
