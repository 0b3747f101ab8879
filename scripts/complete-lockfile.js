// Completes package-lock.json with the platform-specific optional packages the registry mirror of
// our build machines does not serve (macOS, Windows, Android, FreeBSD, WASI builds of next, tailwind,
// resolvers...). `npm install` leaves them out when it cannot fetch them, and `npm ci` then refuses
// the lock as "out of sync" (npm/cli#9846). Each added entry is marked optional, so npm skips it on
// machines that cannot fetch it, exactly as it skips an optional package for another platform.
// Run it after every `npm install` that changes dependencies.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

function resolvePath(from, name) {
  // Node's lookup: the nearest node_modules folder up from the dependent package.
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolvePath(path, name)) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.-]+)?$/.test(spec)) {
      console.warn(`skipped ${name}@${spec} (wanted by ${path || 'the project'}): not an exact version`);
      continue;
    }
    packages[`node_modules/${name}`] = { version: spec, optional: true };
    added++;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(added ? `added ${added} optional platform packages to package-lock.json` : 'package-lock.json is complete');
