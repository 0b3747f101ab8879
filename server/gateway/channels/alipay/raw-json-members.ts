// Where each member of a JSON object sits in its source text. Alipay signs the exact bytes of one member's
// value (escapes such as `\/` included), which a parse-and-serialise round trip does not reproduce.

export interface RawSpan {
  start: number;
  end: number;
}

function skipWhitespace(text: string, at: number): number {
  let index = at;
  while (text[index] === ' ' || text[index] === '\t' || text[index] === '\n' || text[index] === '\r') index++;
  return index;
}

function endOfString(text: string, openingQuote: number): number {
  let index = openingQuote + 1;
  while (text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

function endOfValue(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return endOfString(text, start);
  if (first !== '{' && first !== '[') {
    let index = start;
    while (index < text.length && !',}] \t\n\r'.includes(text[index] ?? '')) index++;
    return index;
  }
  let depth = 0;
  let index = start;
  for (;;) {
    const char = text[index];
    if (char === '"') {
      index = endOfString(text, index);
      continue;
    }
    if (char === '{' || char === '[') depth++;
    if ((char === '}' || char === ']') && --depth === 0) return index + 1;
    index++;
  }
}

/** The span of each member value of the JSON object `text`, by decoded key. Throws SyntaxError unless `text` is one JSON object without repeated keys. */
export function rawJsonMembers(text: string): Map<string, RawSpan> {
  // Validating first lets the scanner below assume well-formed JSON.
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('not a JSON object');
  const members = new Map<string, RawSpan>();
  let index = skipWhitespace(text, skipWhitespace(text, 0) + 1);
  while (text[index] === '"') {
    const keyEnd = endOfString(text, index);
    // Decoded, so "\u0073ign" counts as a second "sign".
    const key = JSON.parse(text.slice(index, keyEnd)) as string;
    if (members.has(key)) throw new SyntaxError(`member "${key}" appears more than once`);
    const start = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
    const end = endOfValue(text, start);
    members.set(key, { start, end });
    index = skipWhitespace(text, end);
    if (text[index] === ',') index = skipWhitespace(text, index + 1);
  }
  return members;
}
