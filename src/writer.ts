/**
 * What is needed only when a choice is written: js-cookie and the cookie
 * writer, cookie clean-up and the consent log. Loaded as its own chunk on the
 * first save (or with the UI), so returning visitors never download it.
 */
export { removeCookie, removeCookies, writeCookie } from './storage/cookie';
export { sendToConsentLog } from './integrations/consent-log';
