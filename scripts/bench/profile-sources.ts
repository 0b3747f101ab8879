// The production build bundles our code with the libraries it does not keep external (the Prisma
// pg adapter, Inngest, the SDKs' helpers...) into minified `.next/server` chunks. Their source maps,
// which the build writes beside them, tell each function's real file, so the profile's areas can
// tell our code from a bundled library.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapping, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A map's source as a path relative to `root`; turbopack:///[project]/… is already one. */
function relativeSource(source: string, chunk: string, root: string): string {
  const project = /^turbopack:\/\/\/\[project\]\/(.*)$/.exec(source);
  if (project) return decodeURIComponent(project[1]!);
  if (/^[a-z]+:/.test(source)) return source;
  return path.relative(root, path.resolve(path.dirname(chunk), decodeURIComponent(source)));
}

interface Frame {
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/** findEntry answers `{}` where the map has nothing. */
const isMapping = (entry: SourceMapping | object | undefined): entry is SourceMapping => entry !== undefined && 'originalSource' in entry;

/**
 * The profile with each frame's url replaced by its file relative to `root` (`server/gateway/yuan.ts`,
 * `node_modules/pg/lib/query.js`) and, in a chunk with a source map, its line and column in that file.
 * Node's own modules (`node:…`), natives (empty) and WebAssembly (`wasm://…`) keep theirs.
 */
export function withProjectSources<Profile extends { nodes: readonly { callFrame: Frame }[] }>(profile: Profile, root: string): Profile {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) maps.set(file, existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapPayload) : null);
    return maps.get(file)!;
  };
  return {
    ...profile,
    nodes: profile.nodes.map((node) => {
      const { url, lineNumber, columnNumber } = node.callFrame;
      const file = url.startsWith('file://') ? fileURLToPath(url) : url;
      if (!path.isAbsolute(file)) return node;
      const entry = file.includes(`${path.sep}.next${path.sep}server${path.sep}`) ? mapOf(file)?.findEntry(lineNumber, columnNumber) : undefined;
      const mapped = isMapping(entry) ? { url: relativeSource(entry.originalSource, file, root), lineNumber: entry.originalLine, columnNumber: entry.originalColumn } : { url: path.relative(root, file) };
      return { ...node, callFrame: { ...node.callFrame, ...mapped } };
    }),
  };
}
