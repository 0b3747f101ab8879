import { describe, expect, it } from 'vitest';
import { createTranslator } from '@/components/i18n/translate';
import { zhCN } from '@/components/i18n/messages/zh-CN';
import { channelRefusal, errorMessage, getFormErrors, readError } from './form-errors';

const t = createTranslator(zhCN);

/** The shape a TRPCClientError has after the server's error formatter. */
function trpcError(appCode: string, message: string, fields?: Record<string, string>) {
  return Object.assign(new Error(message), {
    name: 'TRPCClientError',
    data: { code: 'BAD_REQUEST', httpStatus: 400, appCode, details: fields ? { fields } : null, path: 'users.create' },
  });
}

describe('readError', () => {
  it('reads the app code, message and field map', () => {
    expect(readError(trpcError('INVALID_REQUEST', 'Invalid field: email', { email: 'already in use' }))).toEqual({
      appCode: 'INVALID_REQUEST',
      message: 'Invalid field: email',
      fields: { email: 'already in use' },
      network: false,
    });
  });

  it('recognises a request that never reached the server', () => {
    const offline = Object.assign(new Error('Failed to fetch'), { name: 'TRPCClientError' });
    expect(readError(offline).network).toBe(true);
  });
});

describe('getFormErrors', () => {
  it('returns nothing for no error', () => {
    expect(getFormErrors(null, t)).toEqual({ appCode: null, message: null, fields: {} });
  });

  it('translates known field messages and asks to fix the marked fields', () => {
    const result = getFormErrors(trpcError('INVALID_REQUEST', 'Invalid field: email', { email: 'already in use' }), t);
    expect(result.fields).toEqual({ email: '已被使用。' });
    expect(result.message).toBe('请根据提示修改标出的字段。');
  });

  it('files nested paths under their root field too', () => {
    const result = getFormErrors(trpcError('INVALID_REQUEST', 'Invalid field', { 'ipAllowlist.1': 'expected an IP address or CIDR range, e.g. 203.0.113.0/24' }), t);
    expect(result.fields.ipAllowlist).toBe('请输入 IP 地址或 CIDR 网段，例如 203.0.113.0/24。');
    expect(result.fields['ipAllowlist.1']).toBe(result.fields.ipAllowlist);
  });

  it('keeps errors for fields the form does not show in the message', () => {
    const result = getFormErrors(trpcError('INVALID_REQUEST', 'Invalid field', { companyId: 'required' }), t, { knownFields: ['email', 'name'] });
    expect(result.message).toContain('companyId: 此项为必填。');
  });

  it('prefers the caller’s message for an app code, then the shared ones', () => {
    const conflict = trpcError('CONFLICT', 'This app already has two active secrets; revoke the older one first.');
    expect(errorMessage(conflict, t, { CONFLICT: '已有两个有效密钥。' })).toBe('已有两个有效密钥。');
    expect(errorMessage(conflict, t)).toBe('操作与当前状态冲突，请刷新后重试。');
    expect(errorMessage(trpcError('FORBIDDEN', 'no'), t)).toBe('你没有执行此操作的权限。');
  });

  it('falls back to the server message for codes it does not know', () => {
    expect(errorMessage(trpcError('CHANNEL_ERROR', 'The channel said no.'), t)).toBe('The channel said no.');
  });
});

describe('channelRefusal', () => {
  const refused = (details: Record<string, unknown> | null) =>
    Object.assign(new Error('The payment channel rejected the request or could not be reached.'), {
      name: 'TRPCClientError',
      data: { code: 'BAD_GATEWAY', httpStatus: 502, appCode: 'CHANNEL_ERROR', details, path: 'splitReceivers.register' },
    });

  it('gives the channel’s own code and message', () => {
    expect(channelRefusal(refused({ channelCode: 'INVALID_REQUEST', channelMessage: '分账接收方全称不匹配', retryable: false }))).toBe('INVALID_REQUEST: 分账接收方全称不匹配');
  });

  it('is null for other errors and for a refusal that says nothing', () => {
    expect(channelRefusal(refused(null))).toBeNull();
    expect(channelRefusal(trpcError('CONFLICT', 'no'))).toBeNull();
    expect(channelRefusal('boom')).toBeNull();
  });
});
