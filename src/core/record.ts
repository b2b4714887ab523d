import type { StoredChoice } from './codec';
import type { ResolvedConfig } from './config';
import { BiscuitError } from './errors';

/**
 * Where a decision came from. `gpc`: the browser's Global Privacy Control
 * signal decided it; `placeholder`: a blocked embed's placeholder.
 */
export type ConsentSource = 'banner' | 'panel' | 'api' | 'gpc' | 'placeholder';

/** Category name → granted. */
export type Choices<C extends string = string> = Readonly<Record<C, boolean>>;

/**
 * The visitor's consent as it stands. Frozen; `get()` returns the same object
 * until something changes, so it can be compared with `===`.
 */
export interface ConsentRecord<C extends string = string> {
  /** A current, unexpired choice exists. */
  readonly decided: boolean;
  /** Every configured category: essential ones `true`, others `true` only when granted. */
  readonly categories: Choices<C>;
  /** The config revision the choice answered (the current one while undecided). */
  readonly revision: number;
  /** ISO 8601 time of the choice, `null` while undecided. */
  readonly updatedAt: string | null;
  /** Random consent ID, kept across changes of mind; `null` until the first choice. */
  readonly id: string | null;
  readonly source: ConsentSource | null;
  /** Asked again after a revision change: the earlier answers, so a form can start from them. */
  readonly previous: Choices<C> | null;
}

/** Seconds in a day: lifetimes are configured in days, choices are dated in seconds. */
export const DAY = 86400;
/**
 * How far in the future a stored choice may be dated, in seconds: a server
 * (serializeConsent) and the visitor's device disagree about the time by
 * seconds or minutes, or by an hour around a daylight-saving change. Later
 * than that, the date was tampered with (to outlive the expiry, say).
 */
const CLOCK_SKEW = 3600;

/**
 * A random consent ID: 32 hex digits (128 bits). `getRandomValues` works on
 * plain http too, unlike `crypto.randomUUID`, which needs a secure context.
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  if (globalThis.crypto) crypto.getRandomValues(bytes);
  else bytes.forEach((_, i) => (bytes[i] = Math.random() * 256));
  return Array.from(bytes, (byte) => (byte | 256).toString(16).slice(1)).join('');
}

/**
 * A frozen record with a null-prototype map of every configured category, so
 * no category name (or polluted Object.prototype) can answer for another.
 */
export function createRecord(
  config: ResolvedConfig,
  granted: (name: string, gpc: boolean) => boolean,
  fields: Partial<Omit<ConsentRecord, 'categories'>> = {},
): ConsentRecord {
  const categories: Record<string, boolean> = Object.create(null);
  for (const { name, essential, gpc } of config.categories) categories[name] = essential || granted(name, gpc);
  return Object.freeze({
    decided: false,
    categories: Object.freeze(categories),
    revision: config.revision,
    updatedAt: null,
    id: null,
    source: null,
    previous: null,
    ...fields,
  });
}

/**
 * The record of a choice made at `now` (milliseconds since 1970): decided,
 * dated to the whole second (as the cookie keeps it), and carrying the
 * visitor's consent ID, or a new one when they have none yet.
 */
export function createChoice(
  config: ResolvedConfig,
  granted: (name: string, gpc: boolean) => boolean,
  { now, id, source }: { readonly now: number; readonly id: string | null | undefined; readonly source: ConsentSource },
): ConsentRecord {
  return createRecord(config, granted, {
    decided: true,
    updatedAt: new Date(Math.floor(now / 1000) * 1000).toISOString(),
    id: id || randomId(),
    source,
  });
}

/**
 * Checks choices given to `save()` or `serializeConsent()`: every key a
 * configured category, every value a boolean. Throws, since it is a bug in
 * the calling code rather than bad input from a visitor.
 */
export function checkChoices(config: ResolvedConfig, choices: object, caller: string): Record<string, boolean> {
  const given = choices as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!config.categories.some((category) => category.name == name) || typeof given[name] != 'boolean') {
      throw new BiscuitError(`${caller}() takes configured categories set to true or false, not "${name}"`);
    }
  }
  return given as Record<string, boolean>;
}

/**
 * Interprets a stored choice against the config: it counts as a decision only
 * when it exists, is not expired (nor dated more than an hour ahead) and
 * answers the current revision (a lower one is a new question; a higher one,
 * a site that rolled its revision back, is not an answer to this config). With Global Privacy Control on, `gpc` categories stay
 * refused unless the visitor granted them one by one (panel or API), and when
 * every optional category honours GPC the signal alone is the decision.
 */
export function recordFromStored(
  stored: StoredChoice | undefined,
  config: ResolvedConfig,
  now: number,
  gpc: boolean,
): ConsentRecord {
  const seconds = Math.floor(now / 1000);
  const refuse = () => false;
  if (!stored || stored.updatedAt > seconds + CLOCK_SKEW || seconds - stored.updatedAt >= config.cookie.expiresDays * DAY) {
    const optional = config.categories.filter((category) => !category.essential);
    return createRecord(config, refuse, gpc && optional.length && optional.every((category) => category.gpc) ? { decided: true, source: 'gpc' } : {});
  }
  const explicit = stored.source != 'banner' && stored.source != 'gpc';
  const previous = createRecord(config, (name, honoursGpc) => stored.choices[name] === true && !(gpc && honoursGpc && !explicit));
  if (stored.revision != config.revision) return createRecord(config, refuse, { id: stored.id, previous: previous.categories });
  return createRecord(config, (name) => previous.categories[name]!, {
    decided: true,
    revision: stored.revision,
    updatedAt: new Date(stored.updatedAt * 1000).toISOString(),
    id: stored.id,
    source: stored.source,
  });
}
