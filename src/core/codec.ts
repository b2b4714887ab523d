import type { ResolvedCategory } from './config';
import type { ConsentRecord, ConsentSource } from './record';

/** A choice as the consent cookie holds it, before it is checked against the config. */
export interface StoredChoice {
  /** The config revision the visitor answered. */
  readonly revision: number;
  /** When they answered, in whole seconds since 1970. */
  readonly updatedAt: number;
  /** The random consent ID: 32 lowercase hex digits. */
  readonly id: string;
  readonly source: ConsentSource;
  /** Optional category name → granted. Null-prototype, so no name reaches Object.prototype. */
  readonly choices: Readonly<Record<string, boolean>>;
}

/*
 * The cookie value, version 1, is six fields joined by dots:
 *
 *   1.<revision>.<updatedAt>.<source>.<choices>.<id>
 *   1.0.1764144000.b.preferences=1&analytics=0.3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e
 *
 * revision and updatedAt (Unix seconds) are decimal; source is one letter
 * (b banner, p panel, a api, g gpc, h placeholder); choices is a query string of the optional
 * categories, 1 granted and 0 refused; id is exactly 32 lowercase hex digits.
 * The fixed-length ID comes last so that a truncated value never parses.
 * Every character is a legal cookie octet, so nothing needs escaping. Anything
 * else (another library's cookie, a newer version, a hand edit) is no decision.
 */
const MAX_LENGTH = 2048;
const SOURCES: Record<string, ConsentSource> = { b: 'banner', p: 'panel', a: 'api', g: 'gpc', h: 'placeholder' };
const LETTERS = Object.fromEntries(Object.entries(SOURCES).map(([letter, source]) => [source, letter])) as Record<ConsentSource, string>;
const PAIR = '[a-z][a-z\\d_]{0,31}=[01]';
const FORMAT = new RegExp(`^1\\.(\\d{1,9})\\.(\\d{1,12})\\.([bpagh])\\.((?:${PAIR}(?:&${PAIR})*)?)\\.([\\da-f]{32})$`);

/** Turns a decided record into the consent cookie's value. */
export function encodeConsent(record: ConsentRecord, categories: readonly ResolvedCategory[]): string {
  const choices = categories
    .filter((category) => !category.essential)
    .map(({ name }) => `${name}=${+record.categories[name]!}`)
    .join('&');
  return [1, record.revision, Date.parse(record.updatedAt!) / 1000, LETTERS[record.source!], choices, record.id].join('.');
}

/**
 * Reads a consent cookie's value. Never throws: anything that is not a
 * well-formed version-1 value, including a repeated category, gives `undefined`.
 */
export function decodeConsent(value: unknown): StoredChoice | undefined {
  if (typeof value != 'string' || value.length > MAX_LENGTH) return;
  const match = FORMAT.exec(value);
  if (!match) return;
  const choices: Record<string, boolean> = Object.create(null);
  for (const pair of match[4] ? match[4].split('&') : []) {
    const [name, flag] = pair.split('=') as [string, string];
    if (name in choices) return;
    choices[name] = flag == '1';
  }
  return {
    revision: +match[1]!,
    updatedAt: +match[2]!,
    source: SOURCES[match[3]!]!,
    id: match[5]!,
    choices,
  };
}
