/**
 * Reads only an object's own key, so a name such as "constructor" or
 * "__proto__", or whatever a page added to Object.prototype, never answers
 * for a missing one.
 */
export const own = <T>(object: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
