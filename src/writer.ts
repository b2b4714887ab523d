/**
 * What is needed only when a choice is written: js-cookie, the cookie writer
 * and cookie clean-up. Loaded as its own chunk on the first save (or with the
 * UI), so returning visitors never download it.
 */
export { removeCookie, removeCookies, writeCookie } from './storage/cookie';
