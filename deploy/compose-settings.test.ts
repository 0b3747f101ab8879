// docker-compose.yml must give the instances every PayCenter setting one way or another: a setting
// added to env-schema.ts fails here until the stack says what it does with it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '@/server/config/env-schema';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const names = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!).sort();

const compose = read('docker-compose.yml');
/** Passed from .env to the instances and the release step. */
const passedThrough = names(compose.split('&paycenter-settings\n')[1]!.split('\n\n')[0]!, /^ {2}([A-Z0-9_]+):/gm);
/** What the `keys` service takes from .env (its environment block). */
const keysServiceInputs = names(compose.split('\n  keys:\n')[1]!.split('\n    command:')[0]!, /^ {6}([A-Z0-9_]+):/gm);
/** Written to the secrets file the instances load. */
const secrets = names(read('deploy/stack-secrets.mjs'), /^ {2}([A-Z0-9_]+): pick\(/gm);
/** Fixed by the image's runtime stage. */
const runtimeEnv = read('Dockerfile').split(' AS runtime\n')[1]!.split('\nENV ')[1]!.split('\n# ')[0]!;
const imageEnv = names(runtimeEnv, /([A-Z0-9_]+)=/g).filter((name) => name in envSchema.shape);
/** Meaningless in the image: no embedded PostgreSQL, no Inngest dev server. */
const notApplicable = ['PAYCENTER_EMBEDDED_PG_PORT', 'INNGEST_DEV'];

describe('docker-compose.yml', () => {
  it('gives the instances every setting, each in exactly one way', () => {
    const handled = [...passedThrough, ...secrets, ...imageEnv, ...notApplicable];
    expect(handled.sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('lets .env override every generated secret', () => {
    expect(keysServiceInputs).toEqual(secrets);
  });

  it('fixes production mode and the data dir in the image', () => {
    expect(imageEnv).toEqual(['NODE_ENV', 'PAYCENTER_DATA_DIR']);
  });
});
