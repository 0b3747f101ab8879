import { describe, expect, it } from 'vitest';
import { otherMethods } from './other-methods';

describe('otherMethods', () => {
  it('answers 405 in the contract shape with the served methods in Allow', async () => {
    const handlers = otherMethods('POST');
    expect(Object.keys(handlers).sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PATCH', 'PUT']);
    const answer = await handlers.PUT(new Request('http://x/api/v1/payments/P1/close', { method: 'PUT', headers: { 'x-request-id': 'req-12345678' } }));
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('OPTIONS, POST');
    expect(answer.headers.get('x-request-id')).toBe('req-12345678');
    expect(await answer.json()).toEqual({
      error: { code: 'METHOD_NOT_ALLOWED', message: 'PUT is not allowed here; use OPTIONS, POST.', details: { allowed: ['OPTIONS', 'POST'] } },
    });
  });

  it('leaves HEAD to Next when GET is served', () => {
    expect(Object.keys(otherMethods('GET')).sort()).toEqual(['DELETE', 'PATCH', 'POST', 'PUT']);
    expect(Object.keys(otherMethods('GET', 'POST')).sort()).toEqual(['DELETE', 'PATCH', 'PUT']);
  });
});
