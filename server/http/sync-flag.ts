import { z } from 'zod';

/** `?sync=true` asks the channel first (active query); only "true" and "false" are accepted. */
export const syncFlag = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .optional()
  .transform((value) => value === 'true');
