import { env } from '@/server/config/env';

/** The simulator exists only on servers running in sandbox mode; elsewhere its routes answer 404. */
export function alipaySandboxEnabled(): boolean {
  return env().PAYCENTER_SANDBOX;
}

export function notFound(): Response {
  return new Response('Not Found', { status: 404 });
}
