import type { ExemptTextKey } from './exempt-keys';

/**
 * English texts about categories that are on unless the visitor objects (UK
 * exemptions), in a chunk of their own: only sites with exemptions fetch
 * them, with the banner. With only such categories, the banner says
 * `essentialOnly` and the sentence for the exemptions configured; with
 * categories that need consent too, that sentence follows `body`.
 */
export const enExempt: Readonly<Record<ExemptTextKey, string>> = {
  essentialOnly: 'We use some essential cookies to make our website work.',
  /** Only `statistics` exemptions. */
  exemptStatistics: 'We also use analytics cookies to understand how you use our site, so we can improve it. They are on unless you turn them off.',
  /** Only `appearance` exemptions. */
  exemptAppearance: 'We also use cookies that remember how you want our site to look and work. They are on unless you turn them off.',
  /** Both kinds. */
  exemptBoth:
    'We also use cookies that remember how you want our site to look and work, and analytics cookies that help us understand how you use it, so we can improve it. They are on unless you turn them off.',
  /** The banner's and the dialog's objection, when every optional category is on unless the visitor objects. */
  turnOff: 'Turn off additional cookies',
  turnedOff: 'You’ve turned off additional cookies. You can {change your cookie settings} at any time.',
  /** In the dialog and the cookies-page form, under such a category. */
  exemptNotice: 'These cookies are on unless you turn them off.',
};
