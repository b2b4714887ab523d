/** A web storage of the page: the one kept across visits, or the one for this tab. */
export type WebStorageKind = 'localStorage' | 'sessionStorage';

/**
 * Removes `keys` from the page's `kind` storage. A browser that blocks site
 * data, or a sandboxed frame, throws on the first touch of the storage: then
 * the page can neither read nor clear it, and there is nothing to do.
 */
export function removeStorageItems(kind: WebStorageKind, keys: readonly string[]): void {
  try {
    for (const key of keys) window[kind].removeItem(key);
  } catch {
    // Blocked: see above.
  }
}
