import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CpuProfile } from './cpu-profile';
import { withProjectSources } from './profile-sources';

const root = mkdtempSync(path.join(os.tmpdir(), 'profile-sources-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A minified chunk whose map sends columns 0–9 to our server/http/app-route.ts (line 1) and columns 10
// on to the bundled pg adapter (line 3): segments "AAAA" and "UCEA" (+10 columns, next source, +2 lines).
const chunk = path.join(root, '.next', 'server', 'chunks', '[root-of-the-server]__0abc._.js');
mkdirSync(path.dirname(chunk), { recursive: true });
writeFileSync(chunk, 'function a(){}function b(){}\n');
writeFileSync(
  `${chunk}.map`,
  JSON.stringify({ version: 3, sources: ['../../../server/http/app-route.ts', '../../../node_modules/%40prisma/adapter-pg/dist/index.mjs'], names: [], mappings: 'AAAA,UCEA' }),
);
const unmapped = path.join(root, '.next', 'server', 'chunks', 'no-map._.js');

const frame = (functionName: string, url: string, columnNumber = 0) => ({ functionName, url, lineNumber: 0, columnNumber });
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 3, 4, 5, 6] },
    { id: 2, callFrame: frame('a', pathToFileURL(chunk).href, 3) },
    { id: 3, callFrame: frame('b', pathToFileURL(chunk).href, 14) },
    { id: 4, callFrame: frame('query', path.join(root, 'node_modules', 'pg', 'lib', 'client.js'), 7) },
    { id: 5, callFrame: frame('c', pathToFileURL(unmapped).href, 5) },
    { id: 6, callFrame: frame('processChunk', 'node:zlib', 9) },
  ],
  startTime: 0,
  endTime: 1,
  samples: [],
  timeDeltas: [],
};

describe('withProjectSources', () => {
  const frames = withProjectSources(profile, root).nodes.map((node) => node.callFrame);

  it('sends a chunk’s functions to their own files through its source map', () => {
    expect(frames[1]).toEqual({ functionName: 'a', url: 'server/http/app-route.ts', lineNumber: 0, columnNumber: 0 });
    expect(frames[2]).toEqual({ functionName: 'b', url: 'node_modules/@prisma/adapter-pg/dist/index.mjs', lineNumber: 2, columnNumber: 0 });
  });

  it('makes other files relative to the project and leaves Node’s own modules and natives as they are', () => {
    expect(frames[3]).toEqual({ functionName: 'query', url: 'node_modules/pg/lib/client.js', lineNumber: 0, columnNumber: 7 });
    expect(frames[4]).toEqual({ functionName: 'c', url: '.next/server/chunks/no-map._.js', lineNumber: 0, columnNumber: 5 });
    expect(frames[5]).toEqual(profile.nodes[5]!.callFrame);
    expect(frames[0]).toEqual(profile.nodes[0]!.callFrame);
  });
});
