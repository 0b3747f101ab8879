import { describe, expect, it } from 'vitest';
import { formatCpuProfile, summarizeCpuProfile, type CpuProfile } from './cpu-profile';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0 });

// root ─┬ (idle)  (garbage collector)  (program)
//       ├ Prisma's runtime `Ni`
//       └ Next's handler ─┬ our `handle` ─┬ pg's `submit` ─ native `writev`
//                         │               ├ native `sign`
//                         │               └ native `JSONParse`
//                         └ zlib's `processChunk`
const nodes = [
  { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5, 9] },
  { id: 2, callFrame: frame('(idle)') },
  { id: 3, callFrame: frame('(garbage collector)') },
  { id: 4, callFrame: frame('handleRequest', 'node_modules/next/dist/server/base-server.js'), children: [6, 7] },
  { id: 5, callFrame: frame('(program)') },
  { id: 6, callFrame: frame('handle', 'server/http/app-route.ts'), children: [8, 10, 12] },
  { id: 7, callFrame: frame('processChunk', 'node:zlib') },
  { id: 8, callFrame: frame('submit', 'node_modules/pg/lib/query.js'), children: [11] },
  { id: 9, callFrame: frame('Ni', 'node_modules/@prisma/client/runtime/client.js') },
  { id: 10, callFrame: frame('sign') },
  { id: 11, callFrame: frame('writev') },
  { id: 12, callFrame: frame('JSONParse') },
];

// Each sample lasts until the next one; the last until endTime (1_001_050).
const timeline: [node: number, startUs: number][] = [
  [2, 1_000_000], // idle, before any window
  [11, 1_000_100], // writev, 100 µs
  [10, 1_000_200], // sign, 50
  [12, 1_000_250], // JSONParse, 50
  [2, 1_000_300], // idle, 200
  [9, 1_000_500], // Ni, 150
  [3, 1_000_650], // GC, 150
  [7, 1_000_800], // processChunk, 100
  [5, 1_000_900], // (program), 50
  [4, 1_000_950], // handleRequest, 100, of which 50 before the window's end
];

const profile: CpuProfile = {
  nodes,
  startTime: 999_990,
  endTime: 1_001_050,
  samples: timeline.map(([node]) => node),
  timeDeltas: timeline.map(([, start], index) => start - (index === 0 ? 999_990 : timeline[index - 1]![1])),
};

const cases = [
  {
    name: 'create-payment',
    windows: [
      { startUs: 1_000_100, endUs: 1_000_500, requests: 2 },
      { startUs: 1_000_800, endUs: 1_001_000, requests: 2 },
    ],
  },
  { name: 'lookup', windows: [{ startUs: 1_000_500, endUs: 1_000_800, requests: 3 }] },
];

describe('summarizeCpuProfile', () => {
  const [payment, lookup] = summarizeCpuProfile(profile, cases);

  it('counts the non-idle sample time within the case’s windows, per request', () => {
    // 100 + 50 + 50 in the first window (200 idle), 100 + 50 + 50 (clipped) in the second: 400 µs for 4 requests.
    expect(payment).toMatchObject({ case: 'create-payment', requests: 4, windowMs: 0.6, busyMs: 0.4, busyShare: 0.667, cpuPerRequestUs: 100 });
    expect(lookup).toMatchObject({ case: 'lookup', requests: 3, windowMs: 0.3, busyMs: 0.3, busyShare: 1, cpuPerRequestUs: 100 });
  });

  it('gives each sample to the first area from its innermost frame outwards', () => {
    // writev → pg (not our code or Next above it); sign → RSA; JSONParse → our code it runs under.
    expect(payment!.areas).toEqual({ pg: 0.25, prisma: 0, next: 0.125, rsa: 0.125, gc: 0, zlib: 0.25, ours: 0.125, rest: 0.125 });
    expect(lookup!.areas).toEqual({ pg: 0, prisma: 0.5, next: 0, rsa: 0, gc: 0.5, zlib: 0, ours: 0, rest: 0 });
  });

  it('ranks functions by self time, with their short file', () => {
    expect(payment!.top.slice(0, 2)).toEqual([
      { function: 'writev', file: '(native)', perRequestUs: 25, share: 0.25 },
      { function: 'processChunk', file: 'node:zlib:1', perRequestUs: 25, share: 0.25 },
    ]);
    expect(payment!.top).toHaveLength(6);
    expect(payment!.top.map((cost) => cost.function)).not.toContain('(idle)');
    expect(lookup!.top).toEqual([
      { function: 'Ni', file: '@prisma/client/runtime/client.js:1', perRequestUs: 50, share: 0.5 },
      { function: '(garbage collector)', file: '(native)', perRequestUs: 50, share: 0.5 },
    ]);
  });

  it('refuses windows the profile does not cover', () => {
    expect(() => summarizeCpuProfile(profile, [{ name: 'feed', windows: [{ startUs: 1_001_000, endUs: 1_001_100, requests: 1 }] }])).toThrow(/does not cover feed's window/);
  });

  it('prints CPU per request and the shares by area', () => {
    const text = formatCpuProfile([payment!, lookup!]);
    expect(text).toMatch(/create-payment\s+\|\s+4 \|\s+66\.7 % \|\s+0\.10 ms \|\s+25\.0 % \|/);
    expect(text).toContain('lookup: top 2 functions by self time');
  });
});
