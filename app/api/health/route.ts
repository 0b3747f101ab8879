import { schedulerEngine } from '@/server/jobs/engine';
import { scheduledJobs } from '@/server/jobs/job-list';
import { checkHealth } from '@/server/observability/check-health';

/** For load balancers and monitoring (api-contract.md, Operations): 503 when the database is down or a job is overdue. */
export async function GET(): Promise<Response> {
  const report = await checkHealth({ scheduler: schedulerEngine(), jobs: scheduledJobs() });
  return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
