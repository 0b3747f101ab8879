import { afterAll, beforeAll } from 'vitest';
import { env } from '@/server/config/env';

/**
 * Runs the enclosing describe block as production does by default: PAYCENTER_WEBHOOK_PRIVATE_TARGETS
 * off (development and tests allow private targets, so the local simulators and receivers work).
 */
export function publicTargetsOnly(): void {
  let saved: boolean;
  beforeAll(() => {
    saved = env().PAYCENTER_WEBHOOK_PRIVATE_TARGETS;
    env().PAYCENTER_WEBHOOK_PRIVATE_TARGETS = false;
  });
  afterAll(() => {
    env().PAYCENTER_WEBHOOK_PRIVATE_TARGETS = saved;
  });
}
