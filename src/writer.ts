/**
 * What is needed only when a choice is written or something is to be deleted:
 * the encoding of a choice and the check that it was kept, js-cookie, the
 * cookie writer, and the removal of the cookies and web-storage
 * keys a refused category left behind. Loaded as its own chunk on the first
 * save (or with the UI), or when there is something to delete, so returning
 * visitors rarely download it.
 */
export { removeCookie, writeCookie } from './storage/cookie';
export { removeLeftovers } from './storage/leftovers';
export { writeChoice } from './storage/write-choice';
