import { own } from '../core/config';
import type { ConsentRecord } from '../core/record';

/**
 * Whether `record` grants `category`. Reads own keys only: a `serverRecord`
 * parsed from JSON has an ordinary prototype, and neither "constructor" nor a
 * polluted `Object.prototype` may answer for a category.
 */
export const isGranted = (record: ConsentRecord, category: string): boolean => own(record.categories, category) === true;
