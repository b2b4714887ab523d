/**
 * English, the default language: the documented default wording, word for word.
 * Its keys are every text the UI shows; sites override any of them through
 * `config.texts[lang][key]`. In paragraph texts, `{braces}` mark the link to
 * `config.cookiesPageUrl` (plain text when there is none). Category titles and
 * descriptions come from `DEFAULT_CATEGORY_TEXTS` in the core, or from
 * `category.<name>.title` / `category.<name>.description` keys.
 */
export const en = {
  /** Accessible name of the banner region. */
  bannerLabel: 'Cookies on this website',
  /** Visible heading of the banner; none when empty. */
  bannerTitle: '',
  body: "We use some essential cookies to make our website work. We'd like to set additional cookies so we can remember your preferences and understand how you use our site.",
  hint: 'You can manage your preferences and cookie settings at any time by clicking on "Customise Cookies" below.',
  accept: 'Accept additional cookies',
  reject: 'Reject additional cookies',
  customise: 'Customise cookies',
  accepted: "You've accepted additional cookies. You can {change your cookie settings} at any time.",
  rejected: "You've rejected additional cookies. You can {change your cookie settings} at any time.",
  hide: 'Hide cookie message',
  /** After saving from the panel, shown in the banner. */
  saved: 'Your cookie preferences have been saved. You can update your cookie settings at any time on the {cookies page}.',
  /** After saving the form on the cookies page itself, where a link to that page would be pointless. */
  formSaved: 'Your cookie preferences have been saved.',
  error: 'Sorry, there was a technical problem. Please try again.',
  panelTitle: 'Customise cookies',
  panelIntro: 'Choose which additional cookies we can use. Essential cookies are always on.',
  save: 'Save cookie preferences',
  close: 'Close',
  yes: 'Yes',
  no: 'No',
  alwaysOn: 'Always on',
  gpcNotice: 'Your browser is sending a Global Privacy Control signal, so this is set to No. You can still choose Yes.',
};

/** The name of a text the UI shows. */
export type TextKey = keyof typeof en;

/**
 * Every text of the UI in one language. `langs` maps each key whose text fell
 * back to English inside another language to "en", for its `lang` attribute
 * (WCAG 3.1.2, language of parts).
 */
export type Texts = Readonly<Record<TextKey, string>> & { readonly langs: Readonly<Partial<Record<TextKey, 'en'>>> };
