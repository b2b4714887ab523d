/**
 * The building blocks of the config schema: a `Rule` checks one field and
 * returns its resolved value, so the resolved config's type follows from the
 * rules, and a mistake is a `ConfigError` naming the field.
 */
import { own } from '../own';
import type { Expected } from './expected';

/** Checks one field's value and returns it resolved; throws a `ConfigError` naming `path`. */
export type Rule<T> = (value: unknown, path: string) => T;

/** A rule for every key of `T`, none missing and none extra (checked with `satisfies`). */
export type Schema<T> = { readonly [K in keyof Required<T>]: Rule<unknown> };

/** What an object checked by `schema` becomes: each key holds what its rule returned. */
export type Resolved<S> = { readonly [K in keyof S]: S[K] extends Rule<infer T> ? T : never };

/** A plain object: not null, an array or a RegExp. */
export const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);

export const isString = (value: unknown): value is string => typeof value == 'string';
export const isBoolean = (value: unknown): value is boolean => typeof value == 'boolean';

/** A string that `pattern` matches. */
export const matches =
  (pattern: RegExp) =>
  (value: unknown): value is string =>
    typeof value == 'string' && pattern.test(value);

/** One of `options`. */
export const oneOf =
  <T extends string>(...options: T[]) =>
  (value: unknown): value is T =>
    options.includes(value as T);

/** A field at fault: `resolveConfig` turns it into a `ConfigError` in the words of `EXPECTED`. */
export class Invalid {
  constructor(
    readonly path: string,
    readonly expected: Expected,
  ) {}
}

/** Says that `path` must be `expected` unless `ok`. */
export function check(ok: unknown, path: string, expected: Expected): asserts ok {
  if (!ok) throw new Invalid(path, expected);
}

/** A field that may be left out, else must pass `test`. */
export function field<T>(test: (value: unknown) => value is T, expected: Expected): Rule<T | undefined>;
/** A field that may be left out (then it is `fallback`), else must pass `test`. */
export function field<T>(test: (value: unknown) => value is T, expected: Expected, fallback: T): Rule<T>;
export function field<T>(test: (value: unknown) => value is T, expected: Expected, fallback?: T): Rule<T | undefined> {
  return (value, path) => {
    if (value === undefined) return fallback;
    check(test(value), path, expected);
    return value;
  };
}

/** A whole number from `min` to `max` (`expected` says so in words). */
export const wholeNumber = (min: number, max: number, expected: Expected, fallback: number): Rule<number> =>
  field((value): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max, expected, fallback);

/**
 * Checks an object against `schema`: each key's rule gets the object's own
 * value for it (a page may have added enumerable junk to Object.prototype) and
 * the path that names it. A left-out object counts as empty, so its defaults apply.
 */
export function resolveObject<S extends Record<string, Rule<unknown>>>(raw: unknown, schema: S, path: string): Resolved<S> {
  const object = raw === undefined ? {} : raw;
  check(isPlain(object), path || '(root)', 'object');
  const resolved: Record<string, unknown> = {};
  for (const key of Object.keys(schema)) resolved[key] = schema[key]!(own(object, key), path ? `${path}.${key}` : key);
  return resolved as Resolved<S>;
}
