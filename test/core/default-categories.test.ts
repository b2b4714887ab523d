// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORY_TEXTS } from '../../src/core/default-categories';

describe('DEFAULT_CATEGORY_TEXTS', () => {
  // Public: a headless UI shows these as they are, so they are the library's English wording.
  it('names and explains the categories the library knows, in plain English', () => {
    expect(DEFAULT_CATEGORY_TEXTS).toEqual({
      essential: {
        title: 'Essential cookies',
        description:
          'These cookies make the website work, for example by keeping it secure and remembering your cookie choices. They are always on.',
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
    });
  });
});
