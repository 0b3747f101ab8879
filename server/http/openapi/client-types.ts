// The TypeScript source of packages/paycenter-node/src/api-types.ts, made by openapi-typescript from the document.
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from './build-document';

const HEADER = '// Generated from the OpenAPI document by `npm run client:types` (scripts/generate-client-types.ts): do not edit.\n';

export async function clientTypesSource(): Promise<string> {
  const ast = await openapiTS(JSON.stringify(openApiDocument()), { exportType: true, defaultNonNullable: false });
  return HEADER + astToString(ast);
}
