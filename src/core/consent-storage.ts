/**
 * Where the encoded consent record is kept: in a cookie in the browser, in a
 * variable for tests and previews. Reading is synchronous, since the answer is
 * needed as the page loads; writing may return a Promise (the cookie writer is
 * loaded only when a choice is made). Any method may throw or reject (a page
 * can make `document.cookie` throw); the store treats that as a failed save.
 */
export interface ConsentStorage {
  /** The stored value, or `undefined` when there is none. */
  read(): string | undefined;
  /** Store `value`, replacing any earlier one. */
  write(value: string): void | Promise<void>;
  /** Forget the stored value. */
  remove(): void | Promise<void>;
}
