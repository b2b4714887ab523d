/**
 * English, the default language: the banner's texts and those every piece of
 * the UI shares, in the documented default wording, word for word. (The dialog's
 * own texts are in en-dialog.ts, in its chunk; en.ts has them all.) In
 * paragraph texts, `{braces}` mark the link to `config.cookiesPageUrl`
 * (plain text when there is none).
 */
export const enBanner = {
  /** Accessible name of the banner region. */
  bannerLabel: 'Cookies on this website',
  /** Visible heading of the banner; none when empty. */
  bannerTitle: '',
  body: 'We use some essential cookies to make our website work. We’d like to set additional cookies so we can remember your preferences and understand how you use our site.',
  hint: 'You can manage your preferences and cookie settings at any time by clicking on “Customise Cookies” below.',
  /**
   * Follows the hint in its paragraph, and only with a `cookiesPageUrl`:
   * without a page to link to, the sentence would point nowhere.
   */
  cookiesNotice: 'For more information on how we use cookies, please see our {Cookies notice}.',
  accept: 'Accept additional cookies',
  reject: 'Reject additional cookies',
  customise: 'Customise cookies',
  accepted: 'You’ve accepted additional cookies. You can {change your cookie settings} at any time.',
  rejected: 'You’ve rejected additional cookies. You can {change your cookie settings} at any time.',
  hide: 'Hide cookie message',
  /** After saving from the panel, shown in the banner. */
  saved: 'Your cookie preferences have been saved. You can update your cookie settings at any time on the {cookies page}.',
  error: 'Sorry, there was a technical problem. Please try again.',
};
