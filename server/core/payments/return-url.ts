import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';

/**
 * No open redirect: an app that registered return origins may send users back only to them. The
 * checkout and the channels' pages return the user to this URL, so it is checked once, here.
 */
export async function assertReturnUrlAllowed(options: { appId: string; returnUrl: string | undefined }): Promise<void> {
  if (!options.returnUrl) return;
  const app = await db().app.findUniqueOrThrow({ where: { id: options.appId }, select: { returnOrigins: true } });
  if (app.returnOrigins.length === 0) return;
  if (!app.returnOrigins.includes(new URL(options.returnUrl).origin)) {
    throw AppError.invalidFields({ returnUrl: 'must start with one of the return origins registered for the app' });
  }
}
