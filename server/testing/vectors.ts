// Genuine published channel messages, kept in the repository as test fixtures (server/testing/vectors/).
// Each file names its `source`; tests must accept each genuine one and reject it once any field changes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const VECTORS = path.join(import.meta.dirname, 'vectors');

/** One vector file by its name (with or without `.json`). */
export function readVector<T>(name: string): T {
  const file = name.endsWith('.json') ? name : `${name}.json`;
  return JSON.parse(readFileSync(path.join(VECTORS, file), 'utf8')) as T;
}

/** Every vector file whose name starts with `prefix` (e.g. `alipay-`), sorted by name. */
export function vectorFiles(prefix: string): string[] {
  return readdirSync(VECTORS)
    .filter((file) => file.startsWith(prefix) && file.endsWith('.json'))
    .sort();
}
