import type { ConsentRecord } from '../core/record';

/**
 * Whether `record` grants `category`. Reads own keys only: a `serverRecord`
 * parsed from JSON has an ordinary prototype, and neither "constructor" nor a
 * polluted `Object.prototype` may answer for a category. (Not core's `own()`:
 * importing it would pull the whole config schema into the bindings.)
 */
export const isGranted = (record: ConsentRecord, category: string): boolean =>
  Object.prototype.hasOwnProperty.call(record.categories, category) && record.categories[category] === true;
