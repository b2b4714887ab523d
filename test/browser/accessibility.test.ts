// Accessibility of the visitor's UI in real Chromium: axe-core (WCAG 2.2 A/AA)
// in every state and colour scheme, a hostile host stylesheet, reflow at
// 320 px and 200% zoom, no layout shift, focus never hidden under the banner,
// and reduced motion.
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { useBrowser } from './support/harness';

const harness = useBrowser();

// Each test opens its own contexts; closing them keeps the shared two-core machine responsive.
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** `harness.open`, with the context closed after the test. */
async function open(path: string, options: BrowserContextOptions = {}) {
  const opened = await harness.open(path, options);
  contexts.push(opened.context);
  return opened;
}

const SCRIPT = '<script src="/assets/biscuit-consent/biscuit.global.js"></script>';
const CONFIG = {
  cookiesPageUrl: '/cookies-page/',
  categories: {
    analytics: {
      cookies: [
        { name: '_ga', provider: 'Google Analytics', purpose: 'Tells visitors apart, so Google Analytics can count them', expires: '2 years' },
        { name: '_ga_*', label: '_ga_<container-id>', provider: 'Google Analytics', purpose: 'Keeps the state of your current visit', expires: '2 years' },
        {
          name: 'ytidb::LAST_RESULT_ENTRY_KEY',
          storage: 'localStorage',
          provider: 'YouTube',
          purpose: 'Remembers the video player’s state',
          expires: 'Until deleted',
        },
      ],
    },
    marketing: {},
  },
};

function html({ config = CONFIG as object, head = '', main = '<p>Text with <a href="/more">a link</a>.</p>', end = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page</title><script type="application/json" id="biscuit-config">${JSON.stringify(config)}</script>${SCRIPT}${head}</head>
<body><header><a href="/">Home</a></header><main><h1>Page</h1>${main}</main>
<footer><a href="/cookies-page/" data-consent-open>Cookie settings</a></footer>${end}</body></html>`;
}

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Customise cookies' });
const ERROR = 'Sorry, there was a technical problem. Please try again.';

/** Opens every cookie table in `container` from the keyboard, as a visitor would. */
async function openTables(container: ReturnType<Page['getByRole']>) {
  const summaries = container.locator('summary');
  await summaries.first().waitFor();
  for (let i = 0; i < (await summaries.count()); i++) {
    await summaries.nth(i).focus();
    await summaries.nth(i).press('Enter');
  }
  await container.getByRole('table').last().waitFor();
}

/** Opens `path` on a blank page first, so that document cookies can be turned off before it loads. */
async function openWith(path: string, options: BrowserContextOptions = {}, cookies = true) {
  const opened = await open(harness.page('blank', '<!doctype html><title>Blank</title>'), options);
  if (!cookies) {
    const cdp = await opened.context.newCDPSession(opened.page);
    await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
  }
  await opened.page.goto(harness.origin + path);
  return opened;
}

describe('axe-core finds no WCAG 2.2 A/AA violations', () => {
  const PATH = () => harness.page('axe', html());

  // Each state of the UI, reached as a visitor would.
  const STATES: [string, boolean, (page: Page) => Promise<void>][] = [
    ['the banner', true, async (page) => void (await banner(page).waitFor())],
    [
      'the dialog',
      true,
      async (page) => {
        await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
        await dialog(page).waitFor();
      },
    ],
    [
      'the dialog with every cookie table open',
      true,
      async (page) => {
        await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
        await openTables(dialog(page));
        expect(await dialog(page).getByRole('table').count()).toBe(2);
      },
    ],
    [
      'the accepted confirmation',
      true,
      async (page) => {
        await page.getByRole('button', { name: 'Accept additional cookies' }).click();
        await banner(page).getByText('You’ve accepted additional cookies.').waitFor();
      },
    ],
    [
      'the rejected confirmation',
      true,
      async (page) => {
        await page.getByRole('button', { name: 'Reject additional cookies' }).click();
        await banner(page).getByText('You’ve rejected additional cookies.').waitFor();
      },
    ],
    [
      'the saved notice',
      true,
      async (page) => {
        await page.getByRole('button', { name: 'Customise cookies' }).click();
        await dialog(page).getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'Yes' }).check();
        await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();
        await banner(page).getByText('Your cookie preferences have been saved.').waitFor();
      },
    ],
    [
      'the error in the banner',
      false,
      async (page) => {
        await page.getByRole('button', { name: 'Accept additional cookies' }).click();
        await banner(page).getByRole('alert').getByText(ERROR).waitFor();
      },
    ],
    [
      'the error in the dialog',
      false,
      async (page) => {
        await page.getByRole('button', { name: 'Customise cookies' }).click();
        await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();
        await dialog(page).getByRole('alert').getByText(ERROR).waitFor();
      },
    ],
  ];

  const SCHEMES: [string, BrowserContextOptions][] = [
    ['light', { colorScheme: 'light' }],
    ['dark', { colorScheme: 'dark' }],
    ['forced colours', { forcedColors: 'active' }],
  ];

  describe.each(SCHEMES)('in %s', (_, options) => {
    it.each(STATES)(
      'for %s',
      async (_, cookies, reach) => {
        const { page, errors } = await openWith(PATH(), options, cookies);
        await reach(page);
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      },
      60_000,
    );

    it('for the cookies page, with its form and every cookie table open, its saved message and its error', async () => {
      const { page } = await openWith('/cookies-page/', options);
      const form = page.getByRole('main');
      await form.getByRole('group', { name: 'Analytics cookies' }).waitFor();
      await openTables(form);
      expect(await form.getByRole('table').count()).toBe(3);
      expect(await axeViolations(page)).toEqual([]);
      await form.getByRole('button', { name: 'Save cookie preferences' }).click();
      await form.getByRole('status').getByText('Your cookie preferences have been saved.').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      const refused = await openWith('/cookies-page/', options, false);
      const refusedForm = refused.page.getByRole('main');
      await refusedForm.getByRole('button', { name: 'Save cookie preferences' }).click();
      await refusedForm.getByRole('alert').getByText(ERROR).waitFor();
      expect(await axeViolations(refused.page)).toEqual([]);
    }, 90_000);
  });

  it.each([
    ['a Welsh page', 'cy', {}, 'Cwcis ar y wefan hon', 'Addasu cwcis'],
    ['Welsh texts on an English page', 'en', { lang: 'cy' }, 'Cwcis ar y wefan hon', 'Addasu cwcis'],
    [
      'a right-to-left page',
      'ar',
      { texts: { ar: { bannerLabel: 'ملفات تعريف الارتباط', customise: 'تخصيص', panelTitle: 'تخصيص' } } },
      'ملفات تعريف الارتباط',
      'تخصيص',
    ],
  ])(
    'for the banner and the dialog on %s',
    async (_, lang, config, label, customise) => {
      const page = html({ config: { ...CONFIG, ...config } }).replace('<html lang="en">', `<html lang="${lang}"${lang == 'ar' ? ' dir="rtl"' : ''}>`);
      const opened = await open(harness.page(`axe-${lang}-${Object.keys(config).length}`, page));
      const region = opened.page.getByRole('region', { name: label });
      await region.waitFor();
      expect(await axeViolations(opened.page)).toEqual([]);
      await region.getByRole('button', { name: customise }).click();
      await opened.page.getByRole('dialog', { name: customise }).waitFor();
      expect(await axeViolations(opened.page)).toEqual([]);
    },
    60_000,
  );

  it('the dark scheme is really dark, and the forced-colours one uses system colours (so the runs above differ)', async () => {
    const colours = async (options: BrowserContextOptions) => {
      const { page } = await open(PATH(), options);
      await banner(page).waitFor();
      return banner(page).evaluate((element) => getComputedStyle(element).backgroundColor);
    };
    expect(await colours({ colorScheme: 'light' })).toBe('rgb(243, 242, 241)');
    expect(await colours({ colorScheme: 'dark' })).toBe('rgb(29, 29, 27)');
    expect(await colours({ forcedColors: 'active' })).not.toMatch(/^rgb\((243, 242, 241|29, 29, 27)\)$/);
  });
});

describe('focus indicator', () => {
  const outline = (page: Page) =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return `${document.activeElement!.tagName} ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor == 'rgba(0, 0, 0, 0)' ? 'transparent' : 'coloured'}`;
    });

  it('shows in forced colours, where the yellow background is overridden: the transparent outline turns into a system colour', async () => {
    const { page } = await open(harness.page('focus-forced', html()), { forcedColors: 'active' });
    await banner(page).waitFor();
    await page.keyboard.press('Tab');
    expect(await outline(page)).toBe('A solid 3px coloured');
    await page.keyboard.press('Tab');
    expect(await outline(page)).toBe('BUTTON solid 3px coloured');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // The essential category's cookie table, then the analytics one, before its radios.
    expect(await outline(page)).toBe('SUMMARY solid 3px coloured');
    await page.keyboard.press('Tab');
    expect(await outline(page)).toBe('SUMMARY solid 3px coloured');
    await page.keyboard.press('Tab');
    expect(await outline(page)).toBe('INPUT solid 3px coloured');
  });

  it('is the yellow highlight otherwise', async () => {
    const { page } = await open(harness.page('focus', html()));
    await banner(page).waitFor();
    const highlight = () => page.evaluate(() => getComputedStyle(document.activeElement!).backgroundColor);
    await page.keyboard.press('Tab');
    expect(await outline(page)).toBe('A solid 3px transparent');
    expect(await highlight()).toBe('rgb(255, 221, 0)');
    await page.keyboard.press('Tab');
    expect(await outline(page)).toBe('BUTTON solid 3px transparent');
    expect(await highlight()).toBe('rgb(255, 221, 0)');
  });
});
