// UK exemptions in real Chromium, on examples/uk-exemptions/ and test pages:
// categories that are on unless the visitor objects start only once the banner
// is on screen, stop on an objection, follow Global Privacy Control and
// `exemptions: false`, and every new state of the UI passes axe and works from
// the keyboard.
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { consentLogReceiver } from './support/consent-log';
import { useBrowser } from './support/harness';

/** The test consent log (`/log`) and what it received. */
const log = consentLogReceiver();
const { logged } = log;
const harness = useBrowser({
  handlers: {
    '/log': log.handler,
  },
});

const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** `harness.open`, with the context closed after the test. */
async function open(path: string, options: BrowserContextOptions & { context?: BrowserContext } = {}) {
  const opened = await harness.open(path, options);
  if (!options.context) contexts.push(opened.context);
  return opened;
}

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Customise cookies' });
const group = (page: Page, name: string) => dialog(page).getByRole('group', { name });
const record = (page: Page) =>
  page.evaluate(() => (window as unknown as { Biscuit: { get(): { decided: boolean; categories: Record<string, boolean>; exempt: string[] } } }).Biscuit.get());
const statisticsRuns = (page: Page) => page.evaluate(() => (window as { statisticsRuns?: number }).statisticsRuns ?? 0);
const consentCookie = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name == 'biscuit_consent')?.value;
const hasCookie = async (context: BrowserContext, name: string) => (await context.cookies()).some((cookie) => cookie.name == name);

/**
 * A context whose pages record, when the statistics script runs, whether the
 * banner was on screen at that moment (`window.bannerOnScreenAtRun`).
 */
async function watchedContext() {
  const context = await harness.browser.newContext();
  contexts.push(context);
  await context.addInitScript(() => {
    let runs = 0;
    Object.defineProperty(window, 'statisticsRuns', {
      configurable: true,
      get: () => runs,
      set(value: number) {
        const region = document.querySelector('[role="region"][aria-label="Cookies on this website"]');
        (window as { bannerOnScreenAtRun?: boolean }).bannerOnScreenAtRun = !!region && region.checkVisibility();
        runs = value;
      },
    });
  });
  return context;
}

const ONLY_EXEMPT = '/uk-exemptions/';
const MIXED = '/uk-exemptions/mixed.html';

/** A test page with `config`, `head` in its head, and the statistics script blocked. */
function testPage(name: string, config: object, head = '') {
  return harness.page(
    name,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>${head}
<script type="application/json" id="biscuit-config">${JSON.stringify(config)}</script>
<script src="/assets/biscuit-consent/biscuit.global.js"></script></head>
<body><main><h1>Page</h1><p id="statistics-status">Not running.</p></main>
<footer><a href="/uk-exemptions/cookies.html" data-consent-open>Cookie settings</a></footer>
<script type="text/plain" data-consent="analytics" src="/uk-exemptions/statistics.js"></script></body></html>`,
  );
}
const STATISTICS = { categories: { analytics: { exemption: 'statistics', cookies: ['_pk_id'] } } };

describe('with only categories that are on unless the visitor objects', () => {
  it('says so, starts them once the banner is on screen, and hiding the message is no consent', async () => {
    const { page, context, errors } = await open(ONLY_EXEMPT, { context: await watchedContext() });
    const region = banner(page);
    await region.waitFor();
    expect(await region.textContent()).toContain('They are on unless you turn them off.');
    expect(await region.getByRole('button').allTextContents()).toEqual(['Turn off additional cookies', 'Hide cookie message', 'Customise cookies']);
    // Equal weight: every button looks the same.
    const looks = await region.getByRole('button').evaluateAll((buttons) =>
      buttons.map((button) => {
        const style = getComputedStyle(button);
        return [style.backgroundColor, style.color, style.fontWeight, style.fontSize, style.borderStyle].join();
      }),
    );
    expect(new Set(looks).size).toBe(1);
    await expect.poll(() => statisticsRuns(page)).toBe(1);
    // Not a moment before the visitor could read the banner.
    expect(await page.evaluate(() => (window as { bannerOnScreenAtRun?: boolean }).bannerOnScreenAtRun)).toBe(true);
    expect(await page.locator('#statistics-status').textContent()).toBe('Statistics are running: they set the _pk_id cookie.');
    expect(await consentCookie(context)).toBeUndefined();

    await region.getByRole('button', { name: 'Hide cookie message' }).click();
    await region.waitFor({ state: 'detached' });
    expect(await consentCookie(context)).toMatch(/^2\.0\.\d+\.b\.preferences=e&analytics=e\.[\da-f]{32}$/);
    expect(await record(page)).toMatchObject({ decided: true, exempt: ['preferences', 'analytics'] });
    expect(await statisticsRuns(page)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('never starts them if the banner cannot load', async () => {
    const { page } = await open(harness.page('blank', '<!doctype html><title>Blank</title>'));
    await page.route('**/biscuit-banner.js', (route) => route.abort());
    await page.goto(harness.origin + testPage('no-banner', STATISTICS));
    await page.waitForFunction(() => 'Biscuit' in window);
    await page.waitForTimeout(300);
    expect(await statisticsRuns(page)).toBe(0);
    expect((await record(page)).categories.analytics).toBe(false);
  });

  it('never starts them while the site’s CSS hides the banner: it tells no one', async () => {
    const { page } = await open(testPage('hidden-banner', STATISTICS, '<style>.bc-banner { display: none !important; }</style>'));
    // Rendered, but out of the accessibility tree: no role to find it by.
    await page.locator('.bc-banner').waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    expect(await statisticsRuns(page)).toBe(0);
    expect((await record(page)).categories.analytics).toBe(false);
  });

  it('"Turn off additional cookies" objects: the scripts stay blocked and their cookies go', async () => {
    const { page, context } = await open(ONLY_EXEMPT);
    await expect.poll(() => statisticsRuns(page)).toBe(1);
    expect(await hasCookie(context, '_pk_id')).toBe(true);
    await banner(page).getByRole('button', { name: 'Turn off additional cookies' }).click();
    const status = banner(page).getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toBe('You’ve turned off additional cookies. You can change your cookie settings at any time.');
    expect(await consentCookie(context)).toMatch(/\.preferences=0&analytics=0\./);
    await expect.poll(() => hasCookie(context, '_pk_id')).toBe(false);
    await page.reload();
    await page.waitForFunction(() => 'Biscuit' in window);
    await page.waitForTimeout(200);
    expect(await statisticsRuns(page)).toBe(0);
    expect(await banner(page).count()).toBe(0);
  });

  it('runs them at once for a returning visitor, with no banner', async () => {
    const { page, context } = await open(ONLY_EXEMPT);
    await banner(page).getByRole('button', { name: 'Hide cookie message' }).click();
    await banner(page).waitFor({ state: 'detached' });
    const again = await open(ONLY_EXEMPT, { context });
    await expect.poll(() => statisticsRuns(again.page)).toBe(1);
    expect(await banner(again.page).count()).toBe(0);
  });

  it('counts Global Privacy Control as an objection: no banner, nothing runs, unless turned back on in the dialog', async () => {
    const context = await harness.browser.newContext();
    contexts.push(context);
    await context.addInitScript(() => Object.defineProperty(navigator, 'globalPrivacyControl', { value: true }));
    const { page } = await open(ONLY_EXEMPT, { context });
    await page.waitForFunction(() => 'Biscuit' in window);
    await page.waitForTimeout(300);
    expect(await banner(page).count()).toBe(0);
    expect(await statisticsRuns(page)).toBe(0);

    await page.getByRole('link', { name: 'Cookie settings' }).click();
    const statistics = group(page, 'Statistics cookies');
    expect(await statistics.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    expect(await statistics.textContent()).toContain('Global Privacy Control');
    await statistics.getByRole('radio', { name: 'Yes' }).check();
    await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();
    await expect.poll(() => statisticsRuns(page)).toBe(1);
    await expect.poll(() => consentCookie(context)).toMatch(/\.p\.preferences=0&analytics=1\./);
  });

  it('asks for consent with exemptions: false', async () => {
    const { page } = await open(testPage('abroad', { ...STATISTICS, exemptions: false }));
    expect(await banner(page).getByRole('button').allTextContents()).toEqual(['Accept additional cookies', 'Reject additional cookies', 'Customise cookies']);
    await page.waitForTimeout(300);
    expect(await statisticsRuns(page)).toBe(0);
    await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
    await expect.poll(() => statisticsRuns(page)).toBe(1);
    expect(await record(page)).toMatchObject({ exempt: [], categories: { analytics: true } });
  });
});

describe('with categories that need consent as well', () => {
  it('asks the usual question with a sentence about the exempt ones; Accept grants the others', async () => {
    const { page, context } = await open(MIXED);
    const region = banner(page);
    await region.waitFor();
    expect(await region.getByRole('button').allTextContents()).toEqual(['Accept additional cookies', 'Reject additional cookies', 'Customise cookies']);
    expect(await region.textContent()).toContain(
      'We also use statistics cookies to count visits, so we can improve the site. They are on unless you turn them off.',
    );
    await expect.poll(() => statisticsRuns(page)).toBe(1);
    expect(await page.locator('iframe[data-src]').count()).toBe(1);
    await region.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.locator('iframe[src]').waitFor({ state: 'attached' });
    // The choice applies at once; the cookie follows once the writer has loaded.
    await expect.poll(() => consentCookie(context)).toMatch(/\.b\.analytics=e&marketing=1\./);
  });

  it('Reject refuses the video and objects to the statistics', async () => {
    const { page, context } = await open(MIXED);
    await expect.poll(() => statisticsRuns(page)).toBe(1);
    await banner(page).getByRole('button', { name: 'Reject additional cookies' }).click();
    await banner(page).getByRole('status').waitFor();
    expect(await consentCookie(context)).toMatch(/\.b\.analytics=0&marketing=0\./);
    await expect.poll(() => hasCookie(context, '_pk_id')).toBe(false);
  });
});

describe('the dialog and the cookies page', () => {
  it('show the exempt categories as Yes, on unless turned off; No is an objection', async () => {
    const { page, context } = await open(ONLY_EXEMPT);
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    const statistics = group(page, 'Statistics cookies');
    expect(await statistics.textContent()).toContain('These cookies are on unless you turn them off.');
    expect(await statistics.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    expect(await dialog(page).getByRole('button').allTextContents()).toEqual(['Close', 'Save cookie preferences', 'Turn off additional cookies']);
    await statistics.getByRole('radio', { name: 'No' }).check();
    await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();
    await banner(page).getByText('Your cookie preferences have been saved.').waitFor();
    expect(await consentCookie(context)).toMatch(/\.p\.preferences=e&analytics=0\./);
    await expect.poll(() => hasCookie(context, '_pk_id')).toBe(false);
  });

  it('the cookies page form does the same', async () => {
    const { page, context } = await open('/uk-exemptions/cookies.html');
    const form = page.locator('[data-consent-preferences]');
    const preferences = form.getByRole('group', { name: 'Preference cookies' });
    await preferences.waitFor();
    expect(await preferences.textContent()).toContain('These cookies are on unless you turn them off.');
    expect(await preferences.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    await preferences.getByRole('radio', { name: 'No' }).check();
    await form.getByRole('button', { name: 'Save cookie preferences' }).click();
    await form.getByRole('status').waitFor();
    expect(await consentCookie(context)).toMatch(/\.p\.preferences=0&analytics=e\./);
  });
});

describe('what the site hears', () => {
  it('the consent log body tells an acknowledgement from consent', async () => {
    logged.length = 0;
    const { page } = await open(testPage('log', { ...STATISTICS, categories: { ...STATISTICS.categories, marketing: {} }, consentLog: { url: '/log' } }));
    await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
    await expect.poll(() => logged.length).toBe(1);
    expect(logged[0]).toMatchObject({ categories: { essential: true, analytics: true, marketing: true }, exempt: ['analytics'], source: 'banner' });
  });

  it('Google Consent Mode hears analytics_storage granted once the banner is shown, and denied after an objection', async () => {
    const { page } = await open(testPage('consent-mode', { ...STATISTICS, googleConsentMode: true }));
    const updates = () =>
      page.evaluate(() =>
        ((window as unknown as { dataLayer: IArguments[] }).dataLayer || [])
          .map((entry) => Array.from(entry) as [string, string, Record<string, string>])
          .filter(([, type]) => type == 'update')
          .map(([, , signals]) => signals.analytics_storage),
      );
    await expect.poll(updates).toEqual(['granted']);
    await banner(page).getByRole('button', { name: 'Turn off additional cookies' }).click();
    await expect.poll(updates).toEqual(['granted', 'denied']);
  });
});

describe('accessibility', () => {
  it('axe finds no WCAG 2.2 A/AA violations in the banner, the dialog and the confirmation', async () => {
    const { page } = await open(ONLY_EXEMPT);
    await banner(page).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    await dialog(page).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await banner(page).getByRole('button', { name: 'Turn off additional cookies' }).click();
    await banner(page).getByRole('status').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('axe finds none after a failed save, nor beside categories that need consent', async () => {
    // The acknowledgement that could not be saved: the question again, with the alert.
    const broken = await open(harness.page('blank', '<!doctype html><title>Blank</title>'));
    await (await broken.context.newCDPSession(broken.page)).send('Emulation.setDocumentCookieDisabled', { disabled: true });
    await broken.page.goto(harness.origin + ONLY_EXEMPT);
    await banner(broken.page).getByRole('button', { name: 'Hide cookie message' }).click();
    await banner(broken.page).getByRole('alert').waitFor();
    expect(await banner(broken.page).getByRole('button').allTextContents()).toEqual([
      'Turn off additional cookies',
      'Hide cookie message',
      'Customise cookies',
    ]);
    expect(await axeViolations(broken.page)).toEqual([]);

    const mixed = await open(MIXED);
    await banner(mixed.page).waitFor();
    expect(await axeViolations(mixed.page)).toEqual([]);
    // An exempt category on beside one that needs consent, off.
    await banner(mixed.page).getByRole('button', { name: 'Customise cookies' }).click();
    await group(mixed.page, 'Video cookies').waitFor();
    expect(await axeViolations(mixed.page)).toEqual([]);
  });

  it('axe finds none under Global Privacy Control, nor on the cookies page', async () => {
    // The exempt categories off, saying why.
    const context = await harness.browser.newContext();
    contexts.push(context);
    await context.addInitScript(() => Object.defineProperty(navigator, 'globalPrivacyControl', { value: true }));
    const gpc = await open(ONLY_EXEMPT, { context });
    await gpc.page.getByRole('link', { name: 'Cookie settings' }).click();
    await group(gpc.page, 'Statistics cookies').getByText('Global Privacy Control').waitFor();
    expect(await axeViolations(gpc.page)).toEqual([]);

    const cookies = await open('/uk-exemptions/cookies.html');
    await cookies.page.locator('[data-consent-preferences] fieldset').first().waitFor();
    expect(await axeViolations(cookies.page)).toEqual([]);
  });

  it('works from the keyboard alone: Tab to the link and each button, Enter to hide or turn off, arrows to object in the dialog', async () => {
    const { page, context } = await open(ONLY_EXEMPT);
    await banner(page).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Cookies notice');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Turn off additional cookies');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Hide cookie message');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Customise cookies');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('You’ve turned off additional cookies. You can change your cookie settings at any time.');
    expect(await consentCookie(context)).toMatch(/\.preferences=0&analytics=0\./);

    const other = await open(ONLY_EXEMPT);
    await banner(other.page).waitFor();
    for (let i = 0; i < 3; i++) await other.page.keyboard.press('Tab');
    await other.page.keyboard.press('Enter');
    await banner(other.page).waitFor({ state: 'detached' });
    expect(await consentCookie(other.context)).toMatch(/\.preferences=e&analytics=e\./);

    // In the dialog: arrow keys move from Yes to No, Enter on Save objects.
    const third = await open(ONLY_EXEMPT);
    await banner(third.page).waitFor();
    for (let i = 0; i < 4; i++) await third.page.keyboard.press('Tab');
    await third.page.keyboard.press('Enter');
    await dialog(third.page).waitFor();
    const tabTo = async (found: () => boolean) => {
      for (let i = 0; i < 20 && !(await third.page.evaluate(found)); i++) await third.page.keyboard.press('Tab');
      expect(await third.page.evaluate(found)).toBe(true);
    };
    // Past the category's cookie-table disclosure (and its box once open), to its radios.
    await tabTo(() => {
      const active = document.activeElement as HTMLInputElement | null;
      return active?.type == 'radio' && active.closest('fieldset')?.querySelector('legend')?.textContent == 'Statistics cookies';
    });
    expect(
      await group(third.page, 'Statistics cookies')
        .getByRole('radio', { name: 'Yes' })
        .evaluate((radio) => radio == document.activeElement),
    ).toBe(true);
    await third.page.keyboard.press('ArrowRight');
    expect(await group(third.page, 'Statistics cookies').getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    await tabTo(() => document.activeElement?.textContent == 'Save cookie preferences');
    await third.page.keyboard.press('Enter');
    await banner(third.page).getByText('Your cookie preferences have been saved.').waitFor();
    expect(await consentCookie(third.context)).toMatch(/\.p\.preferences=e&analytics=0\./);
  });
});
