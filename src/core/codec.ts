import type { ResolvedCategory } from './config';
import type { Answer, ConsentRecord, ConsentSource } from './record';

/** A choice as the consent cookie holds it, before it is checked against the config. */
export interface StoredChoice {
  /** The config revision the visitor answered. */
  readonly revision: number;
  /** When they answered, in whole seconds since 1970. */
  readonly updatedAt: number;
  /** The random consent ID: 32 lowercase hex digits. */
  readonly id: string;
  readonly source: ConsentSource;
  /**
   * Optional category name → `true` granted, `false` refused (or objected to),
   * `null` running under its exemption. Null-prototype, so no name reaches Object.prototype.
   */
  readonly choices: Readonly<Record<string, Answer>>;
}

/*
 * The cookie value, version 2, is six fields joined by dots:
 *
 *   2.<revision>.<updatedAt>.<source>.<choices>.<id>
 *   2.0.1764144000.b.preferences=1&analytics=e.3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e
 *
 * revision and updatedAt (Unix seconds) are decimal; source is one letter
 * (b banner, p panel, a api, g gpc, h placeholder); choices is a query string
 * of the optional categories: 1 granted, 0 refused (for a category with an
 * exemption: objected to), e on under its exemption (the visitor was told,
 * and neither granted nor objected); id is exactly 32 lowercase hex digits.
 * The fixed-length ID comes last so that a truncated value never parses.
 * Every character is a legal cookie octet, so nothing needs escaping.
 *
 * Version 1 (`1.` first), written before exemptions, is the same without
 * `e`; it still reads. Anything else (another library's
 * cookie, a newer version, a hand edit) is no decision.
 */
const MAX_LENGTH = 2048;
const LETTERS = 'bpagh';
const SOURCES: readonly ConsentSource[] = ['banner', 'panel', 'api', 'gpc', 'placeholder'];
const PAIR = '[a-z][a-z\\d_]{0,31}=[01e]';
const FORMAT = new RegExp(`^([12])\\.(\\d{1,9})\\.(\\d{1,12})\\.([${LETTERS}])\\.((?:${PAIR}(?:&${PAIR})*)?)\\.([\\da-f]{32})$`);

/**
 * Whether a value grants some category by consent (`=1` appears nowhere
 * else): it is then kept `cookie.expiresDays.granted` days, else `refused`.
 */
export const grantsSome = (value: string): boolean => /=1/.test(value);

/** Turns a decided record into the consent cookie's value (version 2). */
export function encodeConsent(record: ConsentRecord, categories: readonly ResolvedCategory[]): string {
  const choices = categories
    .filter((category) => !category.essential)
    .map(({ name }) => `${name}=${record.exempt.includes(name) ? 'e' : +record.categories[name]!}`)
    .join('&');
  return [2, record.revision, Date.parse(record.updatedAt!) / 1000, LETTERS[SOURCES.indexOf(record.source!)], choices, record.id].join('.');
}

/**
 * Reads a consent cookie's value. Never throws: anything that is not a
 * well-formed version-1 or version-2 value, including a repeated category,
 * gives `undefined`.
 */
export function decodeConsent(value: unknown): StoredChoice | undefined {
  if (typeof value != 'string' || value.length > MAX_LENGTH) return;
  const match = FORMAT.exec(value);
  // Version 1 knows no exemptions (its `h`, from embed placeholders, reads as ever).
  if (!match || (match[1] == '1' && /=e/.test(match[5]!))) return;
  const choices: Record<string, Answer> = Object.create(null);
  for (const pair of match[5] ? match[5].split('&') : []) {
    const [name, flag] = pair.split('=') as [string, string];
    if (name in choices) return;
    choices[name] = flag == 'e' ? null : flag == '1';
  }
  return {
    revision: +match[2]!,
    updatedAt: +match[3]!,
    source: SOURCES[LETTERS.indexOf(match[4]!)]!,
    id: match[6]!,
    choices,
  };
}
