import { randomUUID } from 'node:crypto';
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

/** A request id from a trusted upstream header if well-formed, else a new one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}

export function requestLogger(requestId: string): Logger {
  return logger().child({ requestId });
}
