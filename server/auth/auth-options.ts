import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/server/config/env';
import { AppError } from '@/server/errors/app-error';
import { clientIp } from '@/server/lib/client-ip';
import { logger } from '@/server/logging/logger';
import { authenticate } from './authenticate';

/** next-auth hands authorize() Node's plain header object; clientIp reads a Fetch `Headers`. */
function fetchHeaders(headers: unknown): Headers {
  const result = new Headers();
  if (!headers || typeof headers !== 'object') return result;
  for (const [name, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') result.append(name, item);
  }
  return result;
}

/** Login errors travel to the page as `?error=CODE[:detail]`; the page translates them. */
function loginErrorCode(error: unknown): string {
  if (error instanceof AppError) {
    const retryAt = error.details?.retryAt;
    return typeof retryAt === 'string' ? `${error.code}:${retryAt}` : error.code;
  }
  logger().error({ err: error }, 'login failed unexpectedly');
  return 'INTERNAL_ERROR';
}

export function authOptions(): AuthOptions {
  const { PAYCENTER_SESSION_MAX_AGE_SECONDS: maxAge, NEXTAUTH_URL, PAYCENTER_BASE_URL } = env();
  return {
    secret: env().NEXTAUTH_SECRET,
    // Behind HTTPS the session cookie is Secure and `__Secure-` prefixed. Decided from the configured
    // address, not from the request, which a client could send over plain http or with a forged proto.
    useSecureCookies: new URL(NEXTAUTH_URL ?? PAYCENTER_BASE_URL).protocol === 'https:',
    session: { strategy: 'jwt', maxAge, updateAge: 0 },
    jwt: { maxAge },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'PayCenter',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) throw new Error('UNAUTHENTICATED');
          const headers = fetchHeaders(req.headers);
          try {
            const user = await authenticate({
              email: credentials.email,
              password: credentials.password,
              request: { ip: clientIp(headers), userAgent: headers.get('user-agent') },
            });
            return user;
          } catch (error) {
            throw new Error(loginErrorCode(error));
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.companyId = user.companyId;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.uid,
          email: token.email ?? '',
          name: token.name ?? '',
          role: token.role,
          companyId: token.companyId,
        };
        return session;
      },
    },
  };
}
