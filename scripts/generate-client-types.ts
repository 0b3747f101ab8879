// Writes packages/paycenter-node/src/api-types.ts: the TypeScript types of the OpenAPI document, so
// the client's types come from the zod schemas the routes validate with. `npm run client:types`
// after a contract change; a unit test fails while the file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { clientTypesSource } from '@/server/http/openapi/client-types';

const target = path.resolve(import.meta.dirname, '../packages/paycenter-node/src/api-types.ts');
writeFileSync(target, await clientTypesSource());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
