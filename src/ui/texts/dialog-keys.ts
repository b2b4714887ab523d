/**
 * The names of the dialog's own texts (their English is in en-dialog.ts, in
 * the dialog's chunk), so the banner's chunk knows them for the warning about
 * unknown text keys without carrying their words.
 */
export const DIALOG_TEXT_KEYS = [
  'formSaved',
  'panelTitle',
  'panelIntro',
  'save',
  'close',
  'yes',
  'no',
  'alwaysOn',
  'gpcNotice',
  // The cookie tables' (core/declaration-texts.ts).
  'cookiesUsed',
  'cookieName',
  'cookiePurpose',
  'cookieExpires',
  'cookieSetBy',
  'firstParty',
  'localStorage',
  'sessionStorage',
  'consentCookiePurpose',
] as const;

/** A text key with no built-in words: the consent cookie's lifetime, which the dialog puts in words itself. */
export const COMPUTED_TEXT_KEY = 'consentCookieExpires';

/** The name of one of the dialog's own texts. */
export type DialogTextKey = (typeof DIALOG_TEXT_KEYS)[number];
