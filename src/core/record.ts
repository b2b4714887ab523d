import type { StoredChoice } from './codec';
import type { ResolvedCategory, ResolvedConfig } from './config';
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
  /**
   * Every configured category: essential ones `true`, others `true` when
   * granted, or (categories with an `exemption`) while they run under it.
   */
  readonly categories: Choices<C>;
  /**
   * The categories that are on under a UK exemption rather than by consent:
   * the visitor has been told and has neither objected nor granted them. In
   * config order; empty when none.
   */
  readonly exempt: readonly C[];
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

/**
 * What the visitor said of an optional category: `true` granted, `false`
 * refused (of an exempt category: objected), `null` neither: an exempt
 * category then runs under its exemption, any other stays off. `undefined`
 * counts as `false`.
 */
export type Answer = boolean | null | undefined;

/** A category's answer in `record`: granted, refused, or `null` when it runs under its exemption. */
export const answerIn = (record: ConsentRecord, name: string): Answer => (record.exempt.includes(name) ? null : record.categories[name]);

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
 * `answer` is asked about optional categories only.
 */
export function createRecord(
  config: ResolvedConfig,
  answer: (category: ResolvedCategory) => Answer,
  fields: Partial<Omit<ConsentRecord, 'categories' | 'exempt'>> = {},
): ConsentRecord {
  const categories: Record<string, boolean> = Object.create(null);
  const exempt: string[] = [];
  for (const category of config.categories) {
    const said = category.essential || answer(category);
    if (said === null && category.exemption) exempt.push(category.name);
    categories[category.name] = said === true || exempt.includes(category.name);
  }
  return Object.freeze({
    decided: false,
    categories: Object.freeze(categories),
    exempt: Object.freeze(exempt),
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
  answer: (category: ResolvedCategory) => Answer,
  { now, id, source }: { readonly now: number; readonly id: string | null | undefined; readonly source: ConsentSource },
): ConsentRecord {
  return createRecord(config, answer, {
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
 * a site that rolled its revision back, is not an answer to this config).
 *
 * A category with an exemption runs unless the visitor objected, once they
 * have been told: `told` (they were shown the notice on this page), or any
 * current decision (a returning visitor). An objection holds across a
 * revision change; nothing else does. A choice that left a category which now
 * needs consent unanswered (made under an exemption, read with
 * `exemptions: false`) asks again.
 *
 * With Global Privacy Control on, `gpc` categories stay refused and exempt
 * ones objected to, unless the visitor granted them one by one (panel, API or
 * placeholder); when every optional category honours GPC or is exempt, the
 * signal alone is the decision.
 */
export function recordFromStored(stored: StoredChoice | undefined, config: ResolvedConfig, now: number, gpc: boolean, told = false): ConsentRecord {
  const seconds = Math.floor(now / 1000);
  const optional = config.categories.filter((category) => !category.essential);
  const choices = stored?.choices || {};
  // A choice is kept as long as its kind is: one that grants something, or one that does not.
  const lifetime = config.cookie.expiresDays[Object.values(choices).includes(true) ? 'granted' : 'refused'];
  const current = stored && stored.updatedAt <= seconds + CLOCK_SKEW && seconds - stored.updatedAt < lifetime * DAY;
  const explicit = stored && stored.source != 'banner' && stored.source != 'gpc';
  // What the visitor said, as far as it still holds; `asked`: told, so an exempt category never mentioned runs.
  const answer = ({ name, gpc: honoursGpc, exemption }: ResolvedCategory, asked = told): Answer => {
    let said: Answer = current ? choices[name] : undefined;
    if (said === undefined && asked) said = null;
    return gpc && (honoursGpc || exemption) && !(said && explicit) ? false : said;
  };
  if (!current) {
    return createRecord(
      config,
      answer,
      gpc && optional.length && optional.every((category) => category.gpc || category.exemption) ? { decided: true, source: 'gpc' } : {},
    );
  }
  if (stored.revision != config.revision || optional.some((category) => !category.exemption && choices[category.name] === null)) {
    return createRecord(config, (category) => category.exemption && answer(category) !== false && told && null, {
      id: stored.id,
      previous: createRecord(config, (category) => answer(category, true)).categories,
    });
  }
  return createRecord(config, answer, {
    decided: true,
    revision: stored.revision,
    updatedAt: new Date(stored.updatedAt * 1000).toISOString(),
    id: stored.id,
    source: stored.source,
  });
}
