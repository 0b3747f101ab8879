import pino, { type Logger } from 'pino';
import { env } from '@/server/config/env';
import { redactSecrets } from './redact';

export type { Logger };

function createLogger(): Logger {
  return pino({
    level: env().LOG_LEVEL,
    base: { service: 'paycenter' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactSecrets(object) as Record<string, unknown>,
    },
    serializers: { err: pino.stdSerializers.err },
  });
}

let root: Logger | undefined;

export function logger(): Logger {
  root ??= createLogger();
  return root;
}

export function requestLogger(requestId: string): Logger {
  return logger().child({ requestId });
}
