// The epay HTTP API (mapi.php, api.php): plain HTTP with form or query parameters, JSON answers with
// `code` 1 for success. The merchant key travels in api.php requests, so no URL, request or error
// text that could hold it is ever kept: answers are returned as parsed, without any `key` field.
import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelAccount } from '@/server/gateway/types';
import { sendGuardedRequest } from '@/server/security/guarded-request';
import { privateTargetsAllowed, TargetRefused } from '@/server/security/outbound-target';
import type { EasyPayCredentials } from './credentials';

const TIMEOUT_MS = 10_000;
/** epay answers are a few hundred bytes of JSON; more is not an answer (and is cut, so it fails to parse). */
const MAX_ANSWER_BYTES = 64 * 1024;

export function easypayCredentials(account: ChannelAccount): EasyPayCredentials {
  if (account.credentials.channel !== 'EASYPAY') throw new Error(`${account.paymentId} is not an EasyPay channel`);
  return account.credentials;
}

export interface EasypayAnswer {
  code?: unknown;
  msg?: unknown;
  [field: string]: unknown;
}

export const isSuccess = (answer: EasypayAnswer) => String(answer.code) === '1';
export const answerText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/** A refusal (code ≠ 1): epay's answers are final, trying the same request again gives the same. */
export function easypayError(answer: EasypayAnswer): ChannelError {
  return new ChannelError({
    channelCode: `EASYPAY_${answerText(answer.code) ?? 'UNKNOWN'}`,
    channelMessage: answerText(answer.msg) ?? 'EasyPay answered without a message',
    retryable: false,
    raw: answer,
  });
}

function transportError(code: string, message: string, key: string, retryable = true): ChannelError {
  // Belt and braces: whatever the network layer said, the key never leaves in a message.
  return new ChannelError({ channelCode: code, channelMessage: message.replaceAll(key, '***').slice(0, 300), retryable });
}

export interface EasypayRequest {
  script: 'mapi.php' | 'api.php';
  query?: Record<string, string>;
  /** Sent as an application/x-www-form-urlencoded POST body; without it the request is a GET. */
  form?: Record<string, string>;
}

/**
 * One call; an answer that is not JSON, or a status other than 200, is a transport failure. A live
 * gateway is a URL a company entered: unless private targets are allowed, it is called through the
 * outbound guard (no loopback, private or metadata address, checked on the connection). A sandbox
 * account's gateway is the built-in simulator (generated from PAYCENTER_BASE_URL, never entered).
 */
export async function callEasypay(account: ChannelAccount, request: EasypayRequest): Promise<EasypayAnswer> {
  const { key } = easypayCredentials(account);
  const url = `${account.endpoint}/${request.script}${request.query ? `?${new URLSearchParams(request.query)}` : ''}`;
  let status: number;
  let text: string;
  try {
    const answer = await sendGuardedRequest({
      url,
      method: request.form ? 'POST' : 'GET',
      headers: request.form ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {},
      body: request.form ? new URLSearchParams(request.form).toString() : undefined,
      timeoutMs: TIMEOUT_MS,
      maxBytes: MAX_ANSWER_BYTES,
      publicOnly: account.mode === 'LIVE' && !privateTargetsAllowed(),
    });
    status = answer.statusCode;
    text = answer.body.toString('utf8');
  } catch (error) {
    // A refused gateway stays refused: retrying cannot help until the company corrects its URL.
    if (error instanceof TargetRefused) throw transportError('EASYPAY_GATEWAY_REFUSED', error.message, key, false);
    throw transportError('EASYPAY_UNREACHABLE', error instanceof Error ? error.message : String(error), key);
  }
  // 5xx and the PHP gateway's transient pages may pass; a 4xx (wrong gateway URL) will not.
  if (status !== 200) throw transportError('EASYPAY_HTTP_ERROR', `${request.script} answered HTTP ${status}`, key, status >= 500);
  let answer: unknown;
  try {
    // PHP gateways sometimes prefix a UTF-8 byte order mark.
    answer = JSON.parse(text.replace(/^\uFEFF/, '').trim());
  } catch {
    throw transportError('EASYPAY_BAD_ANSWER', `${request.script} answered something that is not JSON: ${text.slice(0, 120)}`, key);
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw transportError('EASYPAY_BAD_ANSWER', `${request.script} answered JSON that is not an object`, key);
  const { key: _echoed, ...rest } = answer as EasypayAnswer;
  return rest;
}
