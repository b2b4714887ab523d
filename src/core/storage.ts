/**
 * Where the encoded consent record is kept. `src/storage/cookie.ts` keeps it in
 * a cookie, `src/storage/memory.ts` in a variable. Any method may throw (a page
 * can make `document.cookie` throw); the store treats that as a failed save.
 */
export interface ConsentStorage {
  /** The stored value, or `undefined` when there is none. */
  read(): string | undefined;
  /** Store `value`, replacing any earlier one. */
  write(value: string): void;
  /** Forget the stored value. */
  remove(): void;
}
