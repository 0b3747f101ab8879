import type { Messages } from './messages/zh-CN';

/** Every dot path to a string in the dictionaries, e.g. `'login.title'`. */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Paths<Messages>;

export type MessageValues = Record<string, string | number>;

export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing silently. */
function interpolate(template: string, values: MessageValues | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** `messages` may hold only the sections a page needs (the public checkout ships just its own). */
export function createTranslator(messages: Partial<Messages>): Translate {
  return (key, values) => {
    let node: unknown = messages;
    for (const part of key.split('.')) {
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    }
    // Keys are checked at compile time; showing the key beats crashing a page if one slips through.
    return typeof node === 'string' ? interpolate(node, values) : key;
  };
}
