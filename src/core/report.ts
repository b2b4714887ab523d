/** Every message of ours starts with this, so a site can tell them from its own. */
export const PREFIX = 'biscuit-consent: ';

/** Passes an error to the page's error handling (window.onerror, error trackers) without stopping the caller. */
export function report(error: unknown): void {
  if (typeof reportError == 'function') reportError(error);
  else console.error(error);
}

/** Tells the site's developer, on the console, about something that stopped part of the library (a missing file, a config it could not use). */
export function logError(message: string): void {
  console.error(PREFIX + message);
}

/** Tells the site's developer, on the console, about something to fix that does not stop the library (and, say, which element). */
export function warn(message: string, ...details: unknown[]): void {
  console.warn(PREFIX + message, ...details);
}
