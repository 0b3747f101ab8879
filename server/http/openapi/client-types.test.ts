import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientTypesSource } from './client-types';

describe('the client package’s types', () => {
  it('are generated from the current OpenAPI document (else: npm run client:types)', async () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../../../packages/paycenter-node/src/api-types.ts'), 'utf8');
    expect(committed === (await clientTypesSource()), 'packages/paycenter-node/src/api-types.ts is stale: run `npm run client:types`').toBe(true);
  });
});
