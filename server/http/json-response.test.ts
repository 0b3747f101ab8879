import { describe, expect, it } from 'vitest';
import { jsonResponse } from './json-response';

describe('jsonResponse', () => {
  it('a small answer is marked no-transform, so neither Next nor a proxy spends CPU compressing it', async () => {
    const response = jsonResponse(200, { payment: { serialNo: 'P1', amount: 1000 } }, 'req_1');
    expect(response.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(await response.json()).toEqual({ payment: { serialNo: 'P1', amount: 1000 } });
  });

  it('a large answer (a page of the feed) may be compressed; neither is ever cached', () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ id: `evt_${i}`, data: 'x'.repeat(100) }));
    expect(jsonResponse(200, { events }, 'req_2').headers.get('cache-control')).toBe('no-store');
  });

  it('204 has no body', async () => {
    const response = jsonResponse(204, null, 'req_3');
    expect(await response.text()).toBe('');
    expect(response.headers.get('cache-control')).toBe('no-store, no-transform');
  });
});
