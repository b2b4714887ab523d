import type { CookiePattern } from './config';

/**
 * The test for a declared cookie or web-storage name: `"_ga_*"` matches `_ga_`
 * and `_ga_ABC123` (`*` stands for any characters, everything else is
 * literal); a RegExp matches by `test`, without `g` or `y`, which would make
 * it remember where it stopped and miss the next name.
 */
export const namePattern = (pattern: CookiePattern): RegExp =>
  typeof pattern == 'string'
    ? new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
    : new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
