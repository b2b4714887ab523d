/**
 * Plain-English titles and descriptions of the categories the library knows,
 * used when a config names one without its own `title` or `description`. The
 * UI's locales translate them; a headless UI can use them as they are.
 */
export const DEFAULT_CATEGORY_TEXTS: Readonly<Record<string, { readonly title: string; readonly description: string }>> = {
  essential: {
    title: 'Essential cookies',
    description: 'These cookies make the website work, for example by keeping it secure and remembering your cookie choices. They are always on.',
  },
  preferences: {
    title: 'Preference cookies',
    description: 'These cookies remember your preferences, such as the language or text size you chose.',
  },
  analytics: {
    title: 'Analytics cookies',
    description: 'These cookies help us understand how you use our site, so we can improve it.',
  },
  marketing: {
    title: 'Marketing cookies',
    description: 'These cookies help us show you relevant advertising on other websites and measure how well it works.',
  },
};
