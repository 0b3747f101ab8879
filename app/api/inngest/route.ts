import type { NextRequest } from 'next/server';
import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { inngestFunctions } from '@/inngest/functions';
import { schedulerEngine } from '@/server/jobs/engine';
import { AppError } from '@/server/errors/app-error';
import { errorResponse } from '@/server/http/json-response';
import { requestIdFrom } from '@/server/lib/request-id';

type Handlers = ReturnType<typeof serve>;
let handlers: Handlers | undefined;

/**
 * Inngest calls this route when it runs the jobs. Without Inngest configured the server runs them
 * in-process, and this route says so instead of failing in the SDK.
 */
function handle(method: 'GET' | 'POST' | 'PUT') {
  return (request: NextRequest, context: unknown): Promise<Response> | Response => {
    if (schedulerEngine() !== 'inngest') {
      const notConfigured = new AppError('NOT_FOUND', 'Inngest is not configured: the jobs run in-process in each server (see docs/scheduler.md).');
      return errorResponse(notConfigured, requestIdFrom(request.headers));
    }
    handlers ??= serve({ client: inngest, functions: inngestFunctions() });
    return handlers[method](request, context);
  };
}

export const GET = handle('GET');
export const POST = handle('POST');
export const PUT = handle('PUT');
