import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Role } from '@/server/db/generated/client';
import { AppError, toAppError } from '@/server/errors/app-error';
import { ERROR_CODES, type ErrorCode } from '@/server/errors/error-codes';
import { controlCharacterFields, refuseControlCharacters } from '@/server/http/control-characters';
import type { Context } from './context';
import { trpcTransformer } from '@/server/contract/trpc-transformer';

/** The contract's code for what tRPC itself refuses (a path naming no procedure, input that is not JSON, a wrong method). */
const FRAMEWORK_CODES: Partial<Record<TRPCError['code'], ErrorCode>> = {
  PARSE_ERROR: 'INVALID_REQUEST',
  BAD_REQUEST: 'INVALID_REQUEST',
  UNSUPPORTED_MEDIA_TYPE: 'INVALID_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

function frameworkError(error: TRPCError): AppError {
  const code = FRAMEWORK_CODES[error.code];
  return code ? new AppError(code, error.message) : new AppError('INTERNAL_ERROR');
}

const t = initTRPC.context<Context>().create({
  transformer: trpcTransformer,
  // The one error formatter: every error leaves as the app's error code and message, with
  // `details.fields` naming bad input fields; internals (stack, SQL) never leave.
  errorFormatter({ shape, error }) {
    // A procedure's own failure (an AppError, invalid input) says what it is; tRPC's refusals (a body
    // that is not JSON: BAD_REQUEST caused by a SyntaxError) are judged by their tRPC code.
    const known = error.cause instanceof AppError || error.cause instanceof z.ZodError ? toAppError(error.cause) : frameworkError(error);
    return {
      message: known.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: known.status,
        appCode: known.code,
        details: known.details ?? null,
        path: shape.data.path,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** Turns a thrown AppError into the tRPC code of the shared table, logging unexpected errors. */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    return { ...result, error: new TRPCError({ code: ERROR_CODES[cause.code].trpc, message: cause.message, cause }) };
  }
  if (result.error.code === 'INTERNAL_SERVER_ERROR') ctx.log.error({ err: cause ?? result.error, path }, 'tRPC procedure failed');
  return result;
});

/** The app API's rule for text (server/http/control-characters.ts) at this door too: a NUL never reaches PostgreSQL as a 500. */
const plainTextInput = t.middleware(async ({ getRawInput, next }) => {
  refuseControlCharacters(controlCharacterFields(await getRawInput()));
  return next();
});

export const publicProcedure = t.procedure.use(errorMapping).use(plainTextInput);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const platformAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'PLATFORM_ADMIN') throw new AppError('FORBIDDEN');
  return next();
});

/** For company users; the company comes from the session, never from input. */
export const companyProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role === 'PLATFORM_ADMIN' || !ctx.user.companyId) throw new AppError('FORBIDDEN');
  return next({ ctx: { ...ctx, companyId: ctx.user.companyId } });
});

/** Further restricts a procedure to some roles, e.g. `companyProcedure.use(requireRole('COMPANY_ADMIN'))`. */
export function requireRole(...roles: Role[]) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user || !roles.includes(ctx.user.role)) throw new AppError('FORBIDDEN');
    return next();
  });
}
