// Every example, driven as a visitor would in real Chromium.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript example modules
import { createHandler, openLog } from '../../examples/consent-log/app.mjs';
// @ts-expect-error: plain JavaScript example modules
import { handle as serverExample } from '../../examples/server/app.mjs';
import { axeViolations } from './support/axe';
import { useBrowser } from './support/harness';

const log = openLog(':memory:');
const harness = useBrowser({ handlers: { '/server/': serverExample, '/consent-log/': createHandler(log) } });

describe('legacy-cms', () => {
  it('keeps the video, the map and analytics blocked until allowed, each embed with its placeholder', async () => {
    const { page, context, errors } = await harness.open('/legacy-cms/');
    await page.getByRole('region', { name: 'Cookies on this website' }).waitFor();
    const video = page.getByRole('group', { name: 'Video: how to put your bins out' });
    const map = page.getByRole('group', { name: 'Map: Anytown recycling centre, Mill Lane' });
    expect(await video.textContent()).toContain('This content is provided by YouTube. It may set Video and social media cookies.');
    expect(await map.textContent()).toContain('This content is provided by Google Maps.');
    expect(await page.locator('#analytics-status').textContent()).toMatch(/^Analytics is not running/);

    // Just this video, this once.
    await video.getByRole('button', { name: 'Load this content' }).click();
    expect(await page.getByTitle('Video: how to put your bins out').getAttribute('src')).toBe('/legacy-cms/video.html');
    expect(await page.getByTitle('Map: Anytown recycling centre, Mill Lane').getAttribute('src')).toBeNull();
    expect(await context.cookies()).toEqual([]);

    await map.getByRole('button', { name: 'Accept Video and social media cookies' }).click();
    expect(await page.getByTitle('Map: Anytown recycling centre, Mill Lane').getAttribute('src')).toBe('/legacy-cms/map.html');
    expect(await page.evaluate(() => (window as unknown as { Biscuit: { get(): object } }).Biscuit.get())).toMatchObject({
      source: 'placeholder',
      categories: { marketing: true, analytics: false },
    });
    // Analytics was not part of that choice.
    expect(await page.locator('#analytics-status').textContent()).toMatch(/^Analytics is not running/);
    expect(errors).toEqual([]);
  });

  it('runs analytics once allowed, and deletes its cookies when withdrawn', async () => {
    const { page, context } = await harness.open('/legacy-cms/');
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    expect((await context.cookies()).map((cookie) => cookie.name).sort()).toEqual(['_ga', '_gid', 'biscuit_consent']);
    await page.getByRole('link', { name: 'Cookie settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Customise cookies' });
    await dialog.getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'No' }).check();
    await dialog.getByRole('button', { name: 'Save cookie preferences' }).click();
    await expect.poll(async () => (await context.cookies()).map((cookie) => cookie.name)).toEqual(['biscuit_consent']);
  });
});

describe('cookies-page', () => {
  it('renders the preferences form inline and confirms a save at its top', async () => {
    const { page, errors } = await harness.open('/cookies-page/');
    const analytics = page.getByRole('group', { name: 'Analytics cookies' });
    await analytics.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    // The form asks the question here: no banner over it.
    expect(await page.getByRole('region', { name: 'Cookies on this website' }).count()).toBe(0);
    // Its cookie tables come from the config.
    await analytics.getByText('Cookies used (3)').click();
    const table = analytics.getByRole('table', { name: 'Analytics cookies' });
    expect(await table.getByRole('row').allInnerTexts()).toEqual([
      expect.stringMatching(/^Name\s+Purpose\s+Expires\s+Set by$/),
      expect.stringMatching(/^_ga\s+Tells visitors apart, so Google Analytics can count them\s+2 years\s+Google Analytics$/),
      expect.stringMatching(/^_ga_<container-id>\s/),
      expect.stringMatching(/^_gid\s/),
    ]);
    await analytics.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('main').getByRole('button', { name: 'Save cookie preferences' }).click();
    const status = page.getByRole('main').getByRole('status');
    await expect.poll(() => status.textContent()).toContain('Your cookie preferences have been saved.');
    expect(await page.evaluate(() => (window as unknown as { Biscuit: { get(): { categories: object } } }).Biscuit.get().categories)).toEqual({
      essential: true,
      analytics: true,
      marketing: false,
    });
    expect(errors).toEqual([]);
  });
});

describe('npm-app (built with Vite)', () => {
  it('shows the banner from the bundled package and starts the app analytics only when allowed', async () => {
    const { page, errors } = await harness.open('/npm-app/dist/');
    await page.getByRole('region', { name: 'Cookies on this website' }).waitFor();
    expect(await page.locator('#analytics-status').textContent()).toBe('Analytics has not started.');
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.getByText('You’ve rejected additional cookies.').waitFor();
    expect(await page.locator('#analytics-status').textContent()).toBe('Analytics has not started.');
    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await page.getByRole('dialog', { name: 'Customise cookies' }).getByRole('button', { name: 'Accept additional cookies' }).click();
    await expect.poll(() => page.locator('#analytics-status').textContent()).toBe('Analytics started: analytics cookies are allowed.');
    expect(errors).toEqual([]);
  });
});

describe('server', () => {
  it('works with JavaScript turned off: the form writes the cookie and the server sends analytics only blocked until allowed', async () => {
    const { page, context } = await harness.open('/server/', { javaScriptEnabled: false });
    expect(await page.getByText('The analytics tag is in this page, blocked until analytics is allowed.').isVisible()).toBe(true);
    expect(await page.content()).toContain('<script type="text/plain" data-consent="analytics" src="/server/analytics.js"></script>');
    expect(await page.getByText('You are outside the UK (or your country is unknown), so analytics cookies need your consent.').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Change your cookie settings' }).click();
    await page.getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Save cookie preferences' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Your cookie preferences have been saved.');
    expect((await context.cookies()).find((cookie) => cookie.name == 'biscuit_consent')?.value).toMatch(/^2\.0\.\d+\.p\.analytics=1&marketing=0\.[\da-f]{32}$/);
    await page.goto(`${harness.origin}/server/`);
    expect(await page.getByText('The analytics tag is in this page.').isVisible()).toBe(true);
    expect(await page.content()).toContain('<script src="/server/analytics.js"></script>');
  });

  it("prints the table of each category's cookies without JavaScript, the consent cookie included", async () => {
    const { page } = await harness.open('/server/cookies', { javaScriptEnabled: false });
    const essential = page.getByRole('table', { name: 'Essential cookies we use' });
    expect(await essential.getByRole('columnheader').allTextContents()).toEqual(['Name', 'Purpose', 'Expires', 'Set by']);
    expect(await essential.getByRole('row').nth(1).getByRole('rowheader').textContent()).toBe('biscuit_consent');
    expect(await essential.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      'Saves your cookie consent settings',
      '1 year',
      'This website',
    ]);
    const analytics = page.getByRole('group', { name: 'Analytics cookies' }).getByRole('table', { name: 'Analytics cookies we use' });
    expect(await analytics.getByRole('rowheader').allTextContents()).toEqual(['_ga', '_ga_<container-id>']);
    expect(await analytics.getByRole('row', { name: /^_ga / }).getByRole('cell').last().textContent()).toBe('Google Analytics');
  });

  it('keeps its tables within a 320 px screen, each scrolling in a focusable, labelled region, with no axe violations', async () => {
    // The server's own page, as a visitor whose browser did not run our script sees it (with JavaScript on, for axe).
    const context = await harness.browser.newContext({ viewport: { width: 320, height: 640 } });
    await context.route('**/biscuit.global.js', (route) => route.abort());
    const { page } = await harness.open('/server/cookies', { context });
    expect(await page.getByText('This form works without JavaScript').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const region = page.getByRole('region', { name: 'Analytics cookies we use' });
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('with JavaScript, the library’s form takes the place of the server’s, with no banner over it, and the server reads what it saves', async () => {
    const { page, errors } = await harness.open('/server/cookies');
    const analytics = page.getByRole('group', { name: 'Analytics cookies' });
    await analytics.waitFor();
    // The server's form and its no-JavaScript wording are gone; the question is asked once, here.
    expect(await page.getByText('This form works without JavaScript').count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Essential cookies we use' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Essential cookies' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Cookies on this website' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await analytics.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('main').getByRole('button', { name: 'Save cookie preferences' }).click();
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toContain('Your cookie preferences have been saved.');
    await page.goto(`${harness.origin}/server/`);
    expect(await page.locator('#server-consent').textContent()).toContain('analytics: allowed');
    expect(errors).toEqual([]);
  });

  describe('for a visitor in the UK (the CDN says CF-IPCountry: GB)', () => {
    const inTheUk = { javaScriptEnabled: false, extraHTTPHeaders: { 'CF-IPCountry': 'GB' } };
    const cookie = async (context: import('playwright-core').BrowserContext) => (await context.cookies()).find((each) => each.name == 'biscuit_consent')?.value;

    it('shows analytics on unless turned off, and keeps a Yes left alone as no consent', async () => {
      const { page, context } = await harness.open('/server/cookies', inTheUk);
      const analytics = page.getByRole('group', { name: 'Analytics cookies' });
      expect(await analytics.getByText('They are on unless you turn them off.').isVisible()).toBe(true);
      expect(await analytics.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
      expect(await page.getByRole('group', { name: 'Marketing cookies' }).getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Save cookie preferences' }).click();
      expect(await cookie(context)).toMatch(/^2\.0\.\d+\.p\.analytics=e&marketing=0\.[\da-f]{32}$/);
      await page.goto(`${harness.origin}/server/`);
      expect(await page.locator('#server-consent').textContent()).toContain('analytics: allowed unless you object');
      expect(await page.content()).toContain('<script src="/server/analytics.js"></script>');
    });

    it('records No as an objection, and leaves the analytics tag out from then on', async () => {
      const { page, context } = await harness.open('/server/cookies', inTheUk);
      await page.getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'No' }).check();
      await page.getByRole('button', { name: 'Save cookie preferences' }).click();
      expect(await cookie(context)).toMatch(/\.analytics=0&marketing=0\./);
      await page.goto(`${harness.origin}/server/`);
      expect(await page.getByText('You are in the UK, so analytics cookies are on unless you turn them off.').isVisible()).toBe(true);
      expect(await page.locator('#server-consent').textContent()).toContain('analytics: not allowed');
      expect(await page.content()).not.toContain('/server/analytics.js');
    });

    it('with JavaScript, starts the blocked analytics tag once the banner is on screen', async () => {
      const { page, errors } = await harness.open('/server/', { extraHTTPHeaders: { 'CF-IPCountry': 'GB' } });
      const region = page.getByRole('region', { name: 'Cookies on this website' });
      await region.waitFor();
      expect(await region.textContent()).toContain('They are on unless you turn them off.');
      await page.waitForFunction(() => (window as { serverAnalyticsRuns?: number }).serverAnalyticsRuns === 1);
      expect(errors).toEqual([]);
    });

    it('asks for consent from the same visitor outside the UK', async () => {
      const { page, context } = await harness.open('/server/cookies', inTheUk);
      await page.getByRole('button', { name: 'Save cookie preferences' }).click();
      // The same cookie, without the country header.
      const elsewhere = await harness.browser.newContext({ javaScriptEnabled: false });
      await elsewhere.addCookies(await context.cookies());
      const abroad = await harness.open('/server/cookies', { context: elsewhere });
      // What was left on under the exemption is asked about again.
      expect(await abroad.page.getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
      expect(await abroad.page.getByText('They are on unless you turn them off.').count()).toBe(0);
    });
  });

  it('reads a choice made in the banner, and the banner reads a choice made in the form', async () => {
    const { page } = await harness.open('/server/');
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.getByText('You’ve accepted additional cookies.').waitFor();
    await page.reload();
    expect(await page.locator('#server-consent').textContent()).toContain('analytics: allowed');
    await page.waitForFunction(() => (window as { serverAnalyticsRuns?: number }).serverAnalyticsRuns === 1);
    expect(await page.getByRole('region', { name: 'Cookies on this website' }).count()).toBe(0);
  });
});

describe('theming', () => {
  it('restyles the banner through custom properties only', async () => {
    const { page } = await harness.open('/theming/');
    const accept = page.getByRole('button', { name: 'Accept additional cookies' });
    await accept.waitFor();
    const style = await accept.evaluate((button) => {
      const computed = getComputedStyle(button);
      return { background: computed.backgroundColor, color: computed.color, font: computed.fontFamily };
    });
    expect(style).toEqual({ background: 'rgb(255, 180, 84)', color: 'rgb(31, 27, 46)', font: expect.stringContaining('Georgia') });
  });
});

describe('consent-log', () => {
  it('keeps each choice in SQLite and lists it', async () => {
    const { page, errors } = await harness.open('/consent-log/demo');
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.getByText('You’ve accepted additional cookies.').waitFor();
    const id = await page.evaluate(() => (window as unknown as { Biscuit: { get(): { id: string } } }).Biscuit.get().id);
    const records = log.list() as { consent_id: string; categories: object; source: string }[];
    expect(records[0]).toMatchObject({ consent_id: id, categories: { essential: true, analytics: true, marketing: true }, exempt: [], source: 'banner' });
    await page.goto(`${harness.origin}/consent-log/`);
    expect(await page.getByRole('cell', { name: id }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('react-app (built with Vite)', () => {
  it('mounts the gated counter only while analytics is allowed, and follows other tabs', async () => {
    const { page, context, errors } = await harness.open('/react-app/dist/');
    const allow = page.getByRole('button', { name: 'Allow analytics cookies' });
    await allow.waitFor();
    await page.getByRole('region', { name: 'Cookies on this website' }).getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.getByText('You have visited this page 1 time.').waitFor();

    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await page.getByRole('dialog', { name: 'Customise cookies' }).getByRole('button', { name: 'Reject additional cookies' }).click();
    await allow.waitFor();
    expect(await page.getByText(/You have visited/).count()).toBe(0);

    await allow.click();
    await page.getByText('You have visited this page 1 time.').waitFor();
    const other = await harness.open('/react-app/dist/', { context });
    await harness.switchTo(other.page);
    await other.page.getByRole('button', { name: 'Forget my choice' }).click();
    await allow.waitFor({ timeout: 3000 });
    expect(errors).toEqual([]);
  });
});
