// Where the production server's CPU went in each HTTP case, from the .cpuprofile it wrote under
// `node --cpu-prof` (`BENCH_CPU_PROF=1 npm run bench -- http`). The profile covers the whole run;
// each case is cut out of it by the windows during which PayCenter's chunks of that case ran (the
// floor's chunks alternate with them), both on the monotonic clock in microseconds.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunWindow } from './http-cases';
import { withProjectSources } from './profile-sources';
import { textTable } from './report';
import { round } from './stats';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/**
 * V8's .cpuprofile JSON: `samples[i]` is a node id, taken `timeDeltas[i]` µs after the sample before it
 * (the first after `startTime`). Summarised with its frames' urls relative to the project
 * (withProjectSources): `server/…`, `node_modules/…`, `node:…`, empty for natives.
 */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfiledCase {
  name: string;
  windows: readonly RunWindow[];
}

const AREAS = ['pg', 'prisma', 'next', 'rsa', 'gc', 'zlib', 'ours', 'rest'] as const;
export type Area = (typeof AREAS)[number];

const AREA_TITLES: Record<Area, string> = { pg: 'pg', prisma: 'Prisma', next: 'Next', rsa: 'RSA', gc: 'GC', zlib: 'zlib', ours: 'ours', rest: 'rest' };

/** The area a frame itself belongs to, if any: `ours` is any project file outside node_modules (a chunk left unmapped too). */
function frameArea({ functionName, url }: CallFrame): Area | null {
  if (functionName === '(garbage collector)') return 'gc';
  if (/^node_modules\/pg[^/]*\//.test(url)) return 'pg';
  // The generated client, its runtime, the pg adapter and the query compiler (the server's only WebAssembly).
  if (/^node_modules\/(@prisma|\.prisma)\/|^server\/db\/generated\/|^wasm:/.test(url)) return 'prisma';
  if (url.startsWith('node_modules/next/')) return 'next';
  // The natives under crypto.sign / crypto.verify and Sign#sign / Verify#verify, and their JS wrappers.
  if (url === 'node:internal/crypto/sig' || (url === '' && /^(sign|verify|signOneShot|verifyOneShot)$/.test(functionName))) return 'rsa';
  if (url === 'node:zlib') return 'zlib';
  if (url !== '' && !url.startsWith('node_modules/') && !/^[a-z]+:/.test(url) && !url.startsWith('/')) return 'ours';
  return null;
}

/** Each node's area: the first frame with one from the sample's frame outwards (innermost first), else `rest`. */
function nodeAreas(nodes: readonly ProfileNode[]): Map<number, Area> {
  const parentOf = new Map<number, ProfileNode>();
  for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const areas = new Map<number, Area>();
  const areaOf = (node: ProfileNode): Area => {
    const known = areas.get(node.id);
    if (known) return known;
    const parent = parentOf.get(node.id);
    const area = frameArea(node.callFrame) ?? (parent ? areaOf(parent) : 'rest');
    areas.set(node.id, area);
    return area;
  };
  for (const node of nodes) areaOf(node);
  return areas;
}

/** `node_modules/pg/lib/query.js` → `pg/lib/query.js:12`, `.next/server/chunks/x.js` → `chunks/x.js:1`; natives → `(native)`. */
function shortFile({ url, lineNumber }: CallFrame): string {
  if (url === '') return '(native)';
  if (url.startsWith('wasm:')) return url;
  return `${url.replace(/^(node_modules|\.next\/server)\//, '')}:${lineNumber + 1}`;
}

export interface FunctionCost {
  function: string;
  file: string;
  /** Self time per request, µs. */
  perRequestUs: number;
  /** Of the case's busy time. */
  share: number;
}

export interface CaseProfile {
  case: string;
  requests: number;
  /** Summed length of the case's windows. */
  windowMs: number;
  /** Non-idle sample time in the windows. */
  busyMs: number;
  /** busyMs / windowMs: near 1, the server's main thread was the bottleneck. */
  busyShare: number;
  cpuPerRequestUs: number;
  /** Shares of busyMs, summing to 1. */
  areas: Record<Area, number>;
  top: FunctionCost[];
}

const TOP = 12;

/** Each sample's node and the time it stands for: until the next sample (the last until `endTime`), as DevTools counts it. */
function sampleSpans(profile: CpuProfile): { node: number; startUs: number; endUs: number }[] {
  const starts: number[] = [];
  let time = profile.startTime;
  for (const delta of profile.timeDeltas) starts.push((time += delta));
  return profile.samples.map((node, index) => ({ node, startUs: starts[index]!, endUs: starts[index + 1] ?? profile.endTime }));
}

/** Per case: CPU per request, its shares by area and the functions with the most self time, from the samples within its windows. */
export function summarizeCpuProfile(profile: CpuProfile, cases: readonly ProfiledCase[]): CaseProfile[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const areas = nodeAreas(profile.nodes);
  const spans = sampleSpans(profile);
  return cases.map(({ name, windows }) => {
    // A window outside the profile would count as idle: a profile of another run or another clock.
    const uncovered = windows.find((window) => window.startUs < profile.startTime || window.endUs > profile.endTime);
    if (uncovered) throw new Error(`the profile (${profile.startTime}–${profile.endTime} µs) does not cover ${name}'s window ${uncovered.startUs}–${uncovered.endUs} µs`);
    const requests = windows.reduce((sum, window) => sum + window.requests, 0);
    const byArea = Object.fromEntries(AREAS.map((area) => [area, 0])) as Record<Area, number>;
    const byFunction = new Map<string, { function: string; file: string; us: number }>();
    let busyUs = 0;
    for (const window of windows) {
      for (const span of spans) {
        const us = Math.min(span.endUs, window.endUs) - Math.max(span.startUs, window.startUs);
        const node = nodes.get(span.node)!;
        if (us <= 0 || node.callFrame.functionName === '(idle)') continue;
        busyUs += us;
        byArea[areas.get(node.id)!] += us;
        const { functionName, url, lineNumber, columnNumber } = node.callFrame;
        const key = `${functionName}\0${url}:${lineNumber}:${columnNumber}`;
        const cost = byFunction.get(key) ?? { function: functionName || '(anonymous)', file: shortFile(node.callFrame), us: 0 };
        cost.us += us;
        byFunction.set(key, cost);
      }
    }
    const windowUs = windows.reduce((sum, window) => sum + window.endUs - window.startUs, 0);
    const share = (us: number) => (busyUs > 0 ? round(us / busyUs, 4) : 0);
    return {
      case: name,
      requests,
      windowMs: round(windowUs / 1000, 1),
      busyMs: round(busyUs / 1000, 1),
      busyShare: windowUs > 0 ? round(busyUs / windowUs) : 0,
      cpuPerRequestUs: requests > 0 ? round(busyUs / requests, 1) : 0,
      areas: Object.fromEntries(AREAS.map((area) => [area, share(byArea[area])])) as Record<Area, number>,
      top: [...byFunction.values()]
        .sort((a, b) => b.us - a.us)
        .slice(0, TOP)
        .map((cost) => ({ function: cost.function, file: cost.file, perRequestUs: round(cost.us / requests, 1), share: share(cost.us) })),
    };
  });
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** The summary as text: one table of CPU per request and areas, then each case's top functions by self time. */
export function formatCpuProfile(cases: readonly CaseProfile[]): string {
  const overview = textTable(
    [{ title: 'case (server CPU, profiled)' }, ...['requests', 'busy', 'CPU/request', ...AREAS.map((area) => AREA_TITLES[area])].map((title) => ({ title, right: true }))],
    cases.map((profile) => [
      profile.case,
      String(profile.requests),
      percent(profile.busyShare),
      `${(profile.cpuPerRequestUs / 1000).toFixed(2)} ms`,
      ...AREAS.map((area) => percent(profile.areas[area])),
    ]),
  );
  const tops = cases.map(
    (profile) =>
      `${profile.case}: top ${profile.top.length} functions by self time\n` +
      textTable(
        [{ title: 'self', right: true }, { title: 'µs/request', right: true }, { title: 'function' }, { title: 'file' }],
        profile.top.map((cost) => [percent(cost.share), cost.perRequestUs.toFixed(1), cost.function, cost.file]),
      ),
  );
  return [overview, ...tops].join('\n\n');
}

/**
 * Keeps the server's raw profile as `paycenter.cpuprofile` in `outDir` (for DevTools or speedscope),
 * writes its summary to `profile.json` there and answers the summary as text. `startedAt` is the
 * run's, as in bench.json, so that the two files of one run are told from a later unprofiled run's.
 */
export async function reportCpuProfile(options: { profilePath: string; cases: readonly ProfiledCase[]; root: string; outDir: string; startedAt: string }): Promise<string> {
  const kept = path.join(options.outDir, 'paycenter.cpuprofile');
  await copyFile(options.profilePath, kept);
  const cases = summarizeCpuProfile(withProjectSources(JSON.parse(await readFile(kept, 'utf8')) as CpuProfile, options.root), options.cases);
  const summary = {
    startedAt: options.startedAt,
    profile: path.basename(kept),
    note: 'the first PayCenter instance under node --cpu-prof; busy = non-idle sample time within the windows of PayCenter’s chunks of each case; a sample counts for the first area found from its innermost frame outwards',
    cases,
  };
  await writeFile(path.join(options.outDir, 'profile.json'), JSON.stringify(summary, null, 2) + '\n');
  return formatCpuProfile(cases);
}
