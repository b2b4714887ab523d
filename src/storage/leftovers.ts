import type { StorageKind } from '../core/config';
import { removeCookies } from './cookie';

/**
 * Deletes what refused categories left behind, as the clean-up found it:
 * cookies by name (on every domain and path they may have), and keys of the
 * page's localStorage and sessionStorage. Where the browser blocks site data
 * (a sandboxed frame, say), touching storage throws: then there is nothing the
 * page can do.
 */
export function removeLeftovers(leftovers: readonly (readonly [kind: StorageKind, name: string])[]): void {
  const cookies = leftovers.filter(([kind]) => kind == 'cookie').map(([, name]) => name);
  if (cookies.length) removeCookies(cookies);
  for (const [kind, name] of leftovers) {
    try {
      if (kind != 'cookie') window[kind].removeItem(name);
    } catch {
      // Blocked: see above.
    }
  }
}
