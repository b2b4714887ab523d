// Pages where what the library relies on is missing or tampered with, in real
// Chromium: UI chunks or the cookie writer that cannot be loaded (a missing
// file, another origin without CORS), a page that polluted Object.prototype, a browser without
// MutationObserver. The visitor must still be able to refuse, reach the
// cookies page, and nothing optional may run that was not granted.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/harness';

const harness = useBrowser({ chromiumArgs: ['--host-resolver-rules=MAP cdn.site.test 127.0.0.1'] });

const SCRIPT = '<script src="/assets/biscuit-consent/biscuit.global.js"></script>';
const BLOCKED = '<script type="text/plain" data-consent="analytics">window.analyticsRuns = (window.analyticsRuns || 0) + 1</script>';
const config = (value: object) => `<script type="application/json" id="biscuit-config">${JSON.stringify(value)}</script>`;
const html = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>${head}</head><body><main><h1>Page</h1></main>
  <footer><a href="/t/cookies-target" data-consent-open>Cookie settings</a></footer>${body}</body></html>`;

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Customise cookies' });
const analyticsRuns = (page: Page) => page.evaluate(() => (window as { analyticsRuns?: number }).analyticsRuns ?? 0);
const allowed = (page: Page, name: string) =>
  page.evaluate((name) => (window as unknown as { Biscuit: { allowed(name: string): boolean } }).Biscuit.allowed(name), name);
const LOAD_FAILURE = /^console: biscuit-consent: could not load the cookie banner or settings \(.+\); links to the cookies page still work$/;
/** What the library said on the console (the browser adds its own lines about failed requests). */
const ours = (errors: string[]) => errors.filter((error) => !/^console: (Failed to load resource|Access to script at)/.test(error));

harness.page('cookies-target', '<!doctype html><html lang="en"><head><title>Cookies</title></head><body><h1>Cookies</h1></body></html>');

describe('when the UI cannot be loaded', () => {
  it('a missing file: the cookie settings link still leads to the cookies page, nothing optional runs, and the failure is retried and reported once', async () => {
    const context = await harness.browser.newContext();
    let attempts = 0;
    // The script is there, its UI chunks are not (a partial copy of the folder).
    await context.route(/\/biscuit-(banner|dialog|ui)\.js$/, (route) => {
      attempts++;
      return route.fulfill({ status: 404, body: 'Not found' });
    });
    const { page, errors } = await harness.open(harness.page('missing-chunks', html(config({ categories: { analytics: {} } }) + SCRIPT, BLOCKED)), { context });
    await expect.poll(() => ours(errors).length).toBe(1);
    expect(await banner(page).count()).toBe(0);
    expect(await allowed(page, 'analytics')).toBe(false);
    expect(await analyticsRuns(page)).toBe(0);
    const before = attempts;
    // Heading for the link asks for the UI again.
    await page.getByRole('link', { name: 'Cookie settings' }).hover();
    await expect.poll(() => attempts).toBeGreaterThan(before);
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await page.waitForURL(/\/t\/cookies-target$/);
    expect(ours(errors)).toEqual([expect.stringMatching(LOAD_FAILURE)]);
    await context.close();
  });

  it('a missing dialog for a returning visitor: the click held back for the dialog goes ahead to the cookies page', async () => {
    const context = await harness.browser.newContext();
    const path = harness.page('missing-dialog', html(config({ categories: { analytics: {} } }) + SCRIPT, BLOCKED));
    // A first visit that accepts, with everything there.
    const first = await harness.open(path, { context });
    await banner(first.page).getByRole('button', { name: 'Accept additional cookies' }).click();
    await first.page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    // The cookie is written a moment after the scripts run: closing the page before it would make the next visit a first one.
    await expect.poll(async () => (await context.cookies()).map((cookie) => cookie.name)).toContain('biscuit_consent');
    await first.page.close();
    await context.route(/\/biscuit-dialog\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    const { page, errors } = await harness.open(path, { context });
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await page.waitForURL(/\/t\/cookies-target$/);
    expect(ours(errors)).toEqual([expect.stringMatching(LOAD_FAILURE)]);
    await context.close();
  });

  it('another origin without CORS: no banner, nothing optional runs, and the link still works', async () => {
    const [, port] = /:(\d+)$/.exec(harness.origin)!;
    const crossOrigin = SCRIPT.replace('/assets/', `http://cdn.site.test:${port}/assets/`);
    const { page, errors } = await harness.open(harness.page('cross-origin', html(config({ categories: { analytics: {} } }) + crossOrigin, BLOCKED)));
    await expect.poll(() => ours(errors).length).toBe(1);
    expect(await banner(page).count()).toBe(0);
    expect(await allowed(page, 'analytics')).toBe(false);
    expect(await analyticsRuns(page)).toBe(0);
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await page.waitForURL(/\/t\/cookies-target$/);
    expect(ours(errors)).toEqual([expect.stringMatching(LOAD_FAILURE)]);
  });
});

describe('when the cookie writer cannot be loaded', () => {
  it('the choice applies to the page, the banner says the save failed, and a retry saves it once the file is back', async () => {
    const context = await harness.browser.newContext();
    let missing = true;
    // The writer encodes and writes the choice: without it nothing reaches the cookie.
    await context.route(/\/biscuit-writer\.js$/, (route) => (missing ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue()));
    const { page } = await harness.open(harness.page('missing-writer', html(config({ categories: { analytics: {} } }) + SCRIPT, BLOCKED)), { context });
    await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
    await expect.poll(() => banner(page).getByRole('alert').innerText()).toBe('Sorry, there was a technical problem. Please try again.');
    expect(await analyticsRuns(page)).toBe(1);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('biscuit_consent');

    missing = false;
    await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
    await expect.poll(() => banner(page).getByRole('status').innerText()).toMatch(/^You’ve accepted additional cookies\./);
    expect((await context.cookies()).find((cookie) => cookie.name == 'biscuit_consent')?.value).toMatch(/^2\.0\.\d+\.b\.analytics=1\.[\da-f]{32}$/);
    expect(await analyticsRuns(page)).toBe(1);
    await context.close();
  });
});

describe('a page that polluted Object.prototype', () => {
  it('with dangerouslySetInnerHTML still gets a working banner and dialog', async () => {
    const context = await harness.browser.newContext();
    await context.addInitScript(() => {
      (Object.prototype as { dangerouslySetInnerHTML?: unknown }).dangerouslySetInnerHTML = { __html: '' };
    });
    const { page, errors } = await harness.open(harness.page('polluted', html(config({ categories: { analytics: {}, marketing: {} } }) + SCRIPT, BLOCKED)), {
      context,
    });
    await expect
      .poll(() => banner(page).getByRole('button').allInnerTexts())
      .toEqual(['Accept additional cookies', 'Reject additional cookies', 'Customise cookies']);
    expect(await banner(page).innerText()).toContain('We use some essential cookies to make our website work.');
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    await dialog(page).getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'Yes' }).check();
    await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    expect(await allowed(page, 'marketing')).toBe(false);
    await banner(page).getByText('Your cookie preferences have been saved.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a browser without MutationObserver', () => {
  it('still looks once the page is parsed: asks, runs what was granted, and throws nothing', async () => {
    const context = await harness.browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'MutationObserver', { value: undefined, configurable: true });
    });
    const path = harness.page('no-mutation-observer', html(config({ categories: { analytics: {} } }) + SCRIPT, BLOCKED));
    const { page, errors } = await harness.open(path, { context });
    // (Playwright's waitForFunction needs MutationObserver in the page: polls instead.)
    await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
    await expect.poll(() => analyticsRuns(page)).toBe(1);
    // A returning visitor: the blocked script in the parsed page runs.
    const returning = await harness.open(path, { context });
    await expect.poll(() => analyticsRuns(returning.page)).toBe(1);
    expect(await banner(returning.page).count()).toBe(0);
    // What the page adds later is not seen without an observer: it stays blocked (documented).
    await returning.page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<script type="text/plain" data-consent="analytics">window.late = true</script>'),
    );
    await returning.page.waitForTimeout(200);
    expect(await returning.page.evaluate(() => (window as { late?: boolean }).late)).toBeUndefined();
    expect([...errors, ...returning.errors]).toEqual([]);
    await context.close();
  });
});
