// For the fuzz suites: JSON as a tree of raw texts, so a generated body can carry what
// JSON.stringify never writes: a `__proto__` key, a repeated key, a number beyond double range.
export type JsonText = { raw: string } | { items: JsonText[] } | { entries: Array<[string, JsonText]> };

/** A plain value (as a valid request body is written) as a tree. */
export function toJsonText(value: unknown): JsonText {
  if (Array.isArray(value)) return { items: value.map(toJsonText) };
  if (value !== null && typeof value === 'object') return { entries: Object.entries(value).map(([k, v]) => [k, toJsonText(v)]) };
  return { raw: JSON.stringify(value) ?? 'null' };
}

export function jsonTextOf(tree: JsonText): string {
  if ('raw' in tree) return tree.raw;
  if ('items' in tree) return `[${tree.items.map(jsonTextOf).join(',')}]`;
  return `{${tree.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonTextOf(v)}`).join(',')}}`;
}

/** Every place in a tree a mutation can aim at: the root, each member, each item. */
export type JsonPath = Array<string | number>;

export function pathsOf(tree: JsonText, at: JsonPath = []): JsonPath[] {
  const below =
    'entries' in tree ? tree.entries.flatMap(([k, v]) => pathsOf(v, [...at, k])) : 'items' in tree ? tree.items.flatMap((v, i) => pathsOf(v, [...at, i])) : [];
  return [at, ...below];
}

export type JsonMutation = { op: 'set'; value: JsonText; key: string } | { op: 'replace'; value: JsonText } | { op: 'delete' };

/** The tree with `mutation` applied at `path`: set adds or replaces a member of an object (or appends to an array). */
export function mutate(tree: JsonText, path: JsonPath, mutation: JsonMutation): JsonText | undefined {
  if (path.length === 0) {
    if (mutation.op === 'delete') return undefined;
    if (mutation.op === 'replace') return mutation.value;
    if ('entries' in tree) return { entries: [...tree.entries.filter(([k]) => k !== mutation.key), [mutation.key, mutation.value]] };
    if ('items' in tree) return { items: [...tree.items, mutation.value] };
    return mutation.value;
  }
  const [head, ...rest] = path;
  if ('entries' in tree) {
    const entries = tree.entries.flatMap(([k, v]): Array<[string, JsonText]> => {
      if (k !== head) return [[k, v]];
      const changed = mutate(v, rest, mutation);
      return changed ? [[k, changed]] : [];
    });
    return { entries };
  }
  if ('items' in tree) {
    return { items: tree.items.flatMap((v, i) => (i === head ? [mutate(v, rest, mutation)].filter((x) => x !== undefined) : [v])) };
  }
  return tree;
}
