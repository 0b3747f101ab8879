import { InngestTestEngine } from '@inngest/test';
import type { InngestFunction } from 'inngest';

/**
 * Runs an Inngest function in-process (no server) for tests. Unmocked sleeps would hang the run,
 * so `step.sleep`/`step.sleepUntil` resolve at once and are recorded for assertions.
 */
export function testEngine(fn: InngestFunction.Any) {
  const sleeps: unknown[][] = [];
  const engine = new InngestTestEngine({
    function: fn,
    transformCtx: (ctx) => {
      const step = ctx.step as unknown as Record<string, unknown>;
      step.sleep = async (...args: unknown[]) => void sleeps.push(args);
      step.sleepUntil = async (...args: unknown[]) => void sleeps.push(args);
      return ctx;
    },
  });
  return { engine, sleeps };
}
