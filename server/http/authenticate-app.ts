import { db } from '@/server/db/client';
import type { AppStatus } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { openAppSecret } from '@/server/security/app-secret';
import { canonicalRequest, hmacSha256Hex, signaturesMatch } from '@paycenter/node';
import { ipAllowed } from '@/server/lib/ip-allowlist';

/** How far a request's timestamp may be from server time, either way. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;

export interface AuthenticatedApp {
  id: string;
  name: string;
  defaultNotifyUrl: string | null;
}

export interface AppRequestToAuthenticate {
  headers: Headers;
  method: string;
  pathWithQuery: string;
  rawBody: string;
  clientIp: string | null;
  now?: Date;
}

interface AuthHeaders {
  appId: string;
  timestamp: string;
  nonce: string;
  signature: string;
}

const HEADER_RULES = [
  ['appId', 'X-PayCenter-App-Id', /^[A-Za-z0-9_-]{1,64}$/, 'must be the app id'],
  ['timestamp', 'X-PayCenter-Timestamp', /^\d{1,12}$/, 'must be unix seconds'],
  ['nonce', 'X-PayCenter-Nonce', /^[A-Za-z0-9]{16,64}$/, 'must be 16-64 characters of A-Z, a-z, 0-9'],
  ['signature', 'X-PayCenter-Signature', /^[0-9a-f]{64}$/, 'must be the lowercase hex HMAC-SHA256 (64 characters)'],
] as const;

/** Malformed authentication headers are a validation failure naming each bad header. */
function readAuthHeaders(headers: Headers): AuthHeaders {
  const values: Partial<AuthHeaders> = {};
  const fields: Record<string, string> = {};
  for (const [key, header, pattern, message] of HEADER_RULES) {
    const value = headers.get(header);
    if (value !== null && pattern.test(value)) values[key] = value;
    else fields[header] = value === null ? 'is required' : message;
  }
  if (Object.keys(fields).length) throw AppError.invalidFields(fields);
  return values as AuthHeaders;
}

interface AppWithSecret {
  id: string;
  name: string;
  defaultNotifyUrl: string | null;
  status: AppStatus;
  ipAllowlist: string[];
  secretId: string | null;
  sealed: string | null;
}

/**
 * The app and its active secrets in one statement (Prisma would make one for the app and one for
 * the relation): every API request runs it, and the statement count is what a request costs.
 */
async function findAppWithSecrets(appId: string) {
  const rows = await db().$queryRaw<AppWithSecret[]>`
    SELECT a."id", a."name", a."defaultNotifyUrl", a."status"::text AS "status", a."ipAllowlist", s."id" AS "secretId", s."sealed"
    FROM "App" a LEFT JOIN "AppSecret" s ON s."appId" = a."id" AND s."revokedAt" IS NULL
    WHERE a."id" = ${appId}`;
  const [app] = rows;
  if (!app) return null;
  const secrets = rows.flatMap((row) => (row.secretId && row.sealed ? [{ id: row.secretId, appId: app.id, sealed: row.sealed }] : []));
  return { id: app.id, name: app.name, defaultNotifyUrl: app.defaultNotifyUrl, status: app.status, ipAllowlist: app.ipAllowlist, secrets };
}

// Stands in for the secrets of an unknown app, so that an unknown app id costs the same HMAC work.
const NO_SECRETS = ['pcs_unknown-app'];

/**
 * Authenticates an app request (api-contract.md, "Authentication of app requests"). The checks
 * run in this order so that nothing is stored and nothing is revealed for a request that is not
 * signed by a current secret of the app: header shape, timestamp window, signature (an unknown
 * app and a wrong secret answer the same), app status, IP allowlist, and last the nonce, recorded
 * in the database so that every server instance sees it.
 */
export async function authenticateAppRequest(request: AppRequestToAuthenticate): Promise<AuthenticatedApp> {
  const auth = readAuthHeaders(request.headers);
  const now = request.now ?? new Date();
  if (Math.abs(Number(auth.timestamp) - now.getTime() / 1000) > TIMESTAMP_TOLERANCE_SECONDS) {
    throw new AppError('TIMESTAMP_OUT_OF_RANGE');
  }

  const app = await findAppWithSecrets(auth.appId);
  const canonical = canonicalRequest({
    method: request.method,
    pathWithQuery: request.pathWithQuery,
    timestamp: auth.timestamp,
    nonce: auth.nonce,
    rawBody: request.rawBody,
  });
  const secrets = app ? app.secrets.map(openAppSecret) : NO_SECRETS;
  // Every active secret is tried (no early exit), up to two during a rotation.
  const verified = secrets.map((secret) => signaturesMatch(hmacSha256Hex(secret, canonical), auth.signature)).includes(true);
  if (!app || !verified) throw new AppError('INVALID_SIGNATURE');

  if (app.status !== 'ACTIVE') throw new AppError('APP_DISABLED');
  if (!ipAllowed(app.ipAllowlist, request.clientIp)) throw new AppError('IP_NOT_ALLOWED');

  // The primary key (appId, nonce) decides between concurrent requests: exactly one inserts.
  const stored = await db().apiNonce.createMany({ data: [{ appId: app.id, nonce: auth.nonce, createdAt: now }], skipDuplicates: true });
  if (stored.count === 0) throw new AppError('REPLAYED_REQUEST');

  return { id: app.id, name: app.name, defaultNotifyUrl: app.defaultNotifyUrl };
}
