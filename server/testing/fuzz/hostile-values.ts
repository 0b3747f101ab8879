// For the fuzz suites: values a hostile or careless caller sends. Each arbitrary mixes the ordinary
// with the edges that broke servers before: NUL and other control characters, lone surrogates,
// huge texts, numbers beyond what a double or a bigint column holds, prototype keys, broken
// percent-encoding.
import fc from 'fast-check';
import type { JsonText } from './json-text';

const controlCharacter = fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\ud800', '\udfff');

const trickyText = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  '..%2F..%2Fetc%2Fpasswd',
  "'; DROP TABLE \"Payment\"; --",
  '%',
  '%00',
  '%E0%A4%A',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '物业费',
  '👨‍👩‍👧',
  'https://127.0.0.1/hook',
  'http://[::1]/',
  'javascript:alert(1)',
);

/** A string as a hostile caller sends it, from empty to past every limit. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.tuple(fc.string({ maxLength: 10 }), controlCharacter, fc.string({ maxLength: 10 })).map(([a, c, b]) => a + c + b), weight: 4 },
  { arbitrary: trickyText, weight: 4 },
  { arbitrary: fc.constantFrom(129, 257, 1025, 70_000).map((n) => 'x'.repeat(n)), weight: 1 },
);

/** A JSON number as text: ordinary, at the edges, or past them (a double's range, a bigint column's). */
export const hostileNumberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('0', '-0', '1', '-1', '0.5', '100.00', '1e2', '1E+2', '2147483648', '9007199254740993', '9223372036854775808', '1e21', '1e308', '1e309', '-1e309', '5e-324', '123456789012345678901234567890'),
);

/** A JSON key: ordinary, tricky, or one an object's prototype has. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''), hostileString);

/** Any JSON value, built as text, nested a little. */
export const hostileJson: fc.Arbitrary<JsonText> = fc.letrec<{ value: JsonText }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: hostileString.map((s) => ({ raw: JSON.stringify(s) })), weight: 5 },
    { arbitrary: hostileNumberText.map((raw) => ({ raw })), weight: 4 },
    { arbitrary: fc.constantFrom('true', 'false', 'null').map((raw) => ({ raw })), weight: 2 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items) => ({ items })), weight: 1 },
    { arbitrary: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map((entries) => ({ entries })), weight: 1 },
  ),
})).value;

/** A body that is not JSON at all, or JSON only at first sight. */
export const garbageBody: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom('{', '[', '{"a":', '{"amount":1000,}', "{'a':1}", 'null', '""', '[]', '1', 'true', '\ufeff{}', '{"a":1}{"b":2}', '['.repeat(5000) + ']'.repeat(5000), 'a=1&b=2', '<xml><a>1</a></xml>'),
);

/** A path segment as a hostile caller writes it: percent-encoded garbage, or broken percent-encoding. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  // Not empty: a path with an empty segment is another path ('//', refused before routing).
  hostileString.map(encodeText).filter((segment) => segment !== '' && !/^(\.|%2e){1,2}$/i.test(segment)),
  // No dot segments ('.', '..', '%2e'): every client resolves them before sending, so they never reach a route.
  fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%C0%80', '%ED%A0%80', '%FF', '%00', '%2F', '~', "'", '%25', 'P%00'),
);

/** Percent-encodes text as UTF-8 bytes; a lone surrogate becomes U+FFFD, as an HTTP client would send it. */
export function encodeText(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Methods a caller may send: the route's own, the other usual ones, and some no route serves. */
export const anyMethod = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'TRACE', 'BREW');

/** Content types, right and wrong. */
export const anyContentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=gbk',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  '*/*',
  'application/json, text/html',
  '',
);

/** Header text a node:http client can carry (latin-1, no line breaks) but a server must not trust. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\u0020-\u007e]/g, '')),
  fc.constantFrom('', '0', '-1', '99999999999999999999', '1e3', 'null', 'undefined', ' x ', 'é', 'x'.repeat(9000)),
);
