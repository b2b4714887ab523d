// What an attacker who can add markup to a page, or a cookie from a sibling
// subdomain, can make the library do, in real Chromium: nothing optional runs
// that the visitor's own current choice does not allow.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/harness';

const harness = useBrowser({
  // Every *.site.test name resolves to the test server, so a "sibling subdomain" can plant cookies.
  chromiumArgs: ['--host-resolver-rules=MAP *.site.test 127.0.0.1'],
  handlers: {
    // A slow external script, so that what happens while it loads shows.
    '/slow/': async (_request, response, url) => {
      await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get('ms') || 300)));
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end('window.slowRuns = (window.slowRuns || 0) + 1;');
    },
  },
});

const SCRIPT = '<script src="/assets/biscuit-consent/biscuit.global.js"></script>';
const BLOCKED = '<script type="text/plain" data-consent="analytics">window.analyticsRuns = (window.analyticsRuns || 0) + 1</script>';
const config = (value: object, attributes = '') =>
  `<script type="application/json" id="biscuit-config"${attributes}>${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;
const html = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>${head}</head><body><main><h1>Page</h1><a href="#x" data-consent-open>Cookie settings</a></main>${body}</body></html>`;

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });
const analyticsRuns = (page: Page) => page.evaluate(() => (window as { analyticsRuns?: number }).analyticsRuns ?? 0);
const decided = (page: Page) => page.evaluate(() => (window as unknown as { Biscuit: { decided: boolean } }).Biscuit.decided);
const port = () => new URL(harness.origin).port;

/** A consent cookie value for the `analytics` category, dated now. */
const consentValue = (analytics: boolean) =>
  `1.0.${Math.floor(Date.now() / 1000)}.b.analytics=${+analytics}.${(analytics ? 'a' : 'b').repeat(32)}`;

describe('a consent cookie planted from elsewhere (cookie tossing)', () => {
  const path = () => harness.page('tossing', html(config({ categories: { analytics: {} } }) + SCRIPT, BLOCKED));

  it.each([
    ['by a sibling subdomain, for the parent domain', { domain: '.site.test', path: '/' }],
    ['for a deeper path than the visitor’s own', { domain: 'www.site.test', path: '/t' }],
  ])('never outvotes the visitor’s refusal when planted %s: nothing runs, they are asked, and their answer is kept', async (_, planted) => {
    const context = await harness.browser.newContext();
    await context.addCookies([
      { name: 'biscuit_consent', value: consentValue(false), url: `http://www.site.test:${port()}/` },
      { name: 'biscuit_consent', value: consentValue(true), ...planted },
    ]);
    const url = `http://www.site.test:${port()}${path()}`;
    const { page, errors } = await harness.open(url, { context });
    await banner(page).waitFor();
    expect(await decided(page)).toBe(false);
    expect(await analyticsRuns(page)).toBe(0);

    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.getByText("You've rejected additional cookies.").waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    const consentCookies = (await context.cookies(url)).filter((cookie) => cookie.name == 'biscuit_consent');
    expect(consentCookies).toHaveLength(1);
    expect(consentCookies[0]!.value).toMatch(/\.analytics=0\./);

    await page.reload();
    await page.waitForFunction(() => (window as unknown as { Biscuit?: { decided: boolean } }).Biscuit?.decided === true);
    expect(await banner(page).count()).toBe(0);
    expect(await analyticsRuns(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('works with a __Host- cookie name, which no other subdomain can set (on a secure origin)', async () => {
    const hostPath = harness.page('host-prefix', html(config({ cookie: { name: '__Host-biscuit_consent' }, categories: { analytics: {} } }) + SCRIPT, BLOCKED));
    // http://localhost is a secure context, where Chromium keeps Secure cookies.
    const url = `http://localhost:${port()}${hostPath}`;
    const { page, context, errors } = await harness.open(url);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.getByText("You've accepted additional cookies.").waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    const [stored] = (await context.cookies(url)).filter((cookie) => cookie.name == '__Host-biscuit_consent');
    expect(stored).toMatchObject({ secure: true, path: '/', domain: 'localhost' });
    await page.reload();
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    expect(await banner(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
