// The script-tag build as a CMS editor would paste it, in real Chromium.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/harness';

const harness = useBrowser();

const SCRIPT = '<script src="/assets/biscuit-consent/biscuit.global.js"></script>';
const BLOCKED = '<script type="text/plain" data-consent="analytics">window.analyticsRuns = (window.analyticsRuns || 0) + 1</script>';

function html({ head = '', body = '' }: { head?: string; body?: string }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>${head}</head><body><main><h1>Page</h1><p>Text.</p></main>${body}</body></html>`;
}

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });
const analyticsRuns = (page: Page) => page.evaluate(() => (window as { analyticsRuns?: number }).analyticsRuns ?? 0);

async function acceptAndExpectAnalytics(page: Page) {
  await page.getByRole('button', { name: 'Accept additional cookies' }).click();
  await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
}

describe('placement', () => {
  it.each([
    ['in <head>, before <body> exists', { head: SCRIPT, body: BLOCKED }],
    ['at the end of <body>', { body: BLOCKED + SCRIPT }],
    ['with defer', { head: SCRIPT.replace('<script ', '<script defer '), body: BLOCKED }],
    ['with async', { head: SCRIPT.replace('<script ', '<script async '), body: BLOCKED }],
  ])('works %s', async (name, parts) => {
    const { page, errors } = await harness.open(harness.page(`placement-${name.length}`, html(parts)));
    await banner(page).waitFor();
    // First in reading and tab order.
    expect(await page.evaluate(() => document.body.firstElementChild!.contains(document.querySelector('[aria-label="Cookies on this website"]')))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Accept additional cookies');
    expect(await analyticsRuns(page)).toBe(0);
    await acceptAndExpectAnalytics(page);
    expect(await page.evaluate(() => typeof (window as unknown as { Biscuit?: { allowed?: unknown } }).Biscuit?.allowed)).toBe('function');
    expect(errors).toEqual([]);
  });
});

describe('config discovery', () => {
  it('reads the JSON block, without evaluating it', async () => {
    const block =
      '<script type="application/json" id="biscuit-config">{ "cookiesPageUrl": "/cookies", "categories": { "social": { "title": "Social media" } } }</script>';
    const { page } = await harness.open(harness.page('json-block', html({ head: block + SCRIPT })));
    await banner(page).waitFor();
    expect(
      await page.evaluate(() =>
        (window as unknown as { Biscuit: { config: { categories: { name: string }[] } } }).Biscuit.config.categories.map((c) => c.name),
      ),
    ).toEqual(['essential', 'social']);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    expect(await page.getByRole('link', { name: 'change your cookie settings' }).getAttribute('href')).toBe('/cookies');
  });

  it('reads window.BiscuitConfig when there is no block', async () => {
    const inline = '<script>window.BiscuitConfig = { categories: { marketing: {} } }</script>';
    const { page } = await harness.open(harness.page('window-config', html({ head: inline + SCRIPT })));
    await banner(page).waitFor();
    expect(
      await page.evaluate(() =>
        (window as unknown as { Biscuit: { config: { categories: { name: string }[] } } }).Biscuit.config.categories.map((c) => c.name),
      ),
    ).toEqual(['essential', 'marketing']);
  });

  it('reports broken JSON and still offers the banner with the defaults', async () => {
    const block = '<script type="application/json" id="biscuit-config">{ "cookiesPageUrl": "/cookies", }</script>';
    const { page, errors } = await harness.open(harness.page('broken-json', html({ head: block + SCRIPT, body: BLOCKED })));
    await banner(page).waitFor();
    expect(errors).toEqual([expect.stringMatching(/^console: biscuit-consent: the #biscuit-config block is not valid JSON .*; using the defaults$/)]);
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.getByText('You’ve rejected additional cookies.').waitFor();
    expect(await analyticsRuns(page)).toBe(0);
  });

  it('reports an invalid field, drops just that field and keeps the rest of the config', async () => {
    const block =
      '<script type="application/json" id="biscuit-config">{ "cookie": { "name": "site_consent", "expiresDays": 0 }, "cookiesPageUrl": "/cookies", "categories": { "analytics": {} } }</script>';
    const { page, context, errors } = await harness.open(harness.page('invalid-field', html({ head: block + SCRIPT, body: BLOCKED })));
    await banner(page).waitFor();
    expect(errors).toEqual([
      'console: biscuit-consent: config.cookie.expiresDays must be a whole number of days from 1 to 730; ignoring config.cookie.expiresDays',
    ]);
    await acceptAndExpectAnalytics(page);
    expect(await page.getByRole('link', { name: 'change your cookie settings' }).getAttribute('href')).toBe('/cookies');
    expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['site_consent']);
  });

  it('with too many categories or one bad cookie pattern, leaves out only those, keeping the rest and their clean-up lists', async () => {
    const categories = {
      analytics: { cookies: ['_ga', 42, { purpose: 'No name' }, { name: '_gid', purpose: { en: 'Counts visitors', cy: 7 } }] },
      ...Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`c${i + 1}`, { cookies: [`_c${i + 1}`] }])),
    };
    const block = `<script type="application/json" id="biscuit-config">${JSON.stringify({ categories })}</script>`;
    const { page, errors } = await harness.open(harness.page('many-categories', html({ head: block + SCRIPT, body: BLOCKED })));
    await banner(page).waitFor();
    expect(errors).toEqual([
      'console: biscuit-consent: config.categories.c31 must be left out: at most 32 categories, essential included; ignoring config.categories.c31',
      'console: biscuit-consent: config.categories.c32 must be left out: at most 32 categories, essential included; ignoring config.categories.c32',
      'console: biscuit-consent: config.categories.analytics.cookies[1] must be a name, "*" pattern, RegExp or { name, … }; ignoring config.categories.analytics.cookies[1]',
      // The entry after it moved up.
      'console: biscuit-consent: config.categories.analytics.cookies[1] must be a name, "*" pattern, RegExp or { name, … }; ignoring config.categories.analytics.cookies[1]',
      'console: biscuit-consent: config.categories.analytics.cookies[1].purpose.cy must be a string, under a language code; ignoring config.categories.analytics.cookies[1].purpose.cy',
    ]);
    const kept = await page.evaluate(() =>
      (
        window as unknown as { Biscuit: { config: { categories: { name: string; cookies: { name: string; purpose?: object }[] }[] } } }
      ).Biscuit.config.categories.map(
        ({ name, cookies }) => `${name}:${cookies.map((cookie) => cookie.name + (cookie.purpose ? JSON.stringify(cookie.purpose) : '')).join(',')}`,
      ),
    );
    expect(kept).toEqual(['essential:', 'analytics:_ga,_gid{"en":"Counts visitors"}', ...Array.from({ length: 30 }, (_, i) => `c${i + 1}:_c${i + 1}`)]);
    await acceptAndExpectAnalytics(page);
  });
});

describe('window.Biscuit and the command queue', () => {
  it('runs functions queued before it loaded once, in order, and later ones at once; a throwing one does not stop the rest', async () => {
    const queue = `<script>
      window.calls = [];
      window.Biscuit = window.Biscuit || [];
      Biscuit.push(function (api) { calls.push('first:' + typeof api.allowed); });
      Biscuit.push(function () { throw new Error('queued function failed'); });
      Biscuit.push(function (api) { calls.push('third:' + api.decided); });
    </script>`;
    const { page, errors } = await harness.open(harness.page('queue', html({ head: queue + SCRIPT })));
    await banner(page).waitFor();
    expect(await page.evaluate(() => (window as { calls?: string[] }).calls)).toEqual(['first:function', 'third:false']);
    expect(errors).toEqual(['pageerror: queued function failed']);
    await page.evaluate(() =>
      (window as unknown as { Biscuit: { push(fn: (api: unknown) => void): void } }).Biscuit.push(() =>
        (window as unknown as { calls: string[] }).calls.push('later'),
      ),
    );
    expect(await page.evaluate(() => (window as { calls?: string[] }).calls)).toEqual(['first:function', 'third:false', 'later']);
  });

  it('is ready for the very next script in the page: window.Biscuit, the Consent Mode default and, for a returning visitor, the blocked scripts before it', async () => {
    // The instance is made in a microtask after the script's top level (see src/entries/script-tag.ts):
    // the parser runs no later script before it.
    const block = '<script type="application/json" id="biscuit-config">{ "googleConsentMode": true }</script>';
    const probe = `<script>
      window.seen = { api: typeof Biscuit.allowed, decided: Biscuit.decided, analytics: window.analyticsRuns || 0,
        consentModeDefault: dataLayer.filter((entry) => entry[0] == 'consent' && entry[1] == 'default').length };
    </script>`;
    const path = harness.page('next-script', html({ head: block + BLOCKED + SCRIPT + probe }));
    const seen = (page: Page) => page.evaluate(() => (window as { seen?: unknown }).seen);
    const first = await harness.open(path);
    expect(await seen(first.page)).toEqual({ api: 'function', decided: false, analytics: 0, consentModeDefault: 1 });
    await acceptAndExpectAnalytics(first.page);
    const { page } = await harness.open(path, { context: first.context });
    expect(await seen(page)).toEqual({ api: 'function', decided: true, analytics: 1, consentModeDefault: 1 });
  });

  it('is harmless when included twice: one instance, one banner, and a note on the console', async () => {
    // Consent Mode's default is pushed synchronously by each instance as it starts: a count of instances.
    const block = '<script type="application/json" id="biscuit-config">{ "googleConsentMode": true }</script>';
    const { page } = await harness.open(harness.page('twice', html({ head: block + SCRIPT, body: SCRIPT })));
    const warnings: string[] = [];
    page.on('console', (message) => message.type() == 'warning' && warnings.push(message.text()));
    await page.reload();
    await banner(page).waitFor();
    expect(warnings).toEqual(['biscuit-consent: the script is on this page twice; the second copy does nothing']);
    expect(await page.evaluate(() => (window as unknown as { dataLayer: unknown[][] }).dataLayer.filter((entry) => entry[1] == 'default').length)).toBe(1);
    expect(await banner(page).count()).toBe(1);
  });
});

describe('page hooks', () => {
  it('opens the panel from data-consent-open and renders data-consent-preferences, also for elements added later', async () => {
    const { page } = await harness.open(harness.page('hooks', html({ head: SCRIPT })));
    await banner(page).waitFor();
    await page.evaluate(() => {
      const footer = document.createElement('footer');
      footer.innerHTML = '<a href="/cookies" data-consent-open>Cookie settings</a><div data-consent-preferences></div>';
      document.body.append(footer);
    });
    await page.getByRole('group', { name: 'Analytics cookies' }).first().waitFor();
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Customise cookies' });
    await dialog.waitFor();
    expect(page.url()).not.toMatch(/\/cookies$/);
  });
});

describe('what a first-time visitor downloads', () => {
  const filesAfterAccepting = async (config: string) => {
    const block = `<script type="application/json" id="biscuit-config">${config}</script>`;
    const { page, requestsSoFar, errors } = await harness.open(harness.page(`first-${config.length}`, html({ head: block + SCRIPT })));
    await page.route('**/log', (route) => route.fulfill({ status: 204 }));
    const logged = config.includes('consentLog') && page.waitForRequest('**/log');
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.getByRole('button', { name: 'Hide cookie message' }).waitFor();
    // Saving once more settles after the first save's writes (saves run in order),
    // and a log without required: true is sent without holding up the save.
    await page.evaluate(() => (window as unknown as { Biscuit: { acceptAll(): Promise<unknown> } }).Biscuit.acceptAll());
    await logged;
    const files = (await requestsSoFar()).map((url) => new URL(url).pathname.split('/').pop()).sort();
    expect(errors).toEqual([]);
    return files;
  };

  it('loads the banner, the stylesheet and the cookie writer once each, and not the dialog', async () => {
    expect(await filesAfterAccepting('{}')).toEqual(['biscuit-banner.js', 'biscuit-writer.js', 'biscuit.css', 'biscuit.global.js', 'first-2']);
  });

  it('loads the consent log client only for a site with a consent log', async () => {
    const files = await filesAfterAccepting('{ "consentLog": { "url": "/log" } }');
    expect(files).toEqual(['biscuit-banner.js', 'biscuit-log.js', 'biscuit-writer.js', 'biscuit.css', 'biscuit.global.js', 'first-35', 'log']);
  });
});

describe('what a visitor who customises downloads', () => {
  it('fetches the cookie writer once the dialog is on screen, before Save is pressed', async () => {
    const { page, requestsSoFar } = await harness.open(harness.page('customise-files', html({ head: SCRIPT })));
    // Straight to "Customise cookies" by keyboard: no pointer or focus on Accept or Reject, which would fetch the writer.
    await banner(page).getByRole('button', { name: 'Customise cookies' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Customise cookies' }).waitFor();
    const files = async () => (await requestsSoFar()).map((url) => new URL(url).pathname.split('/').pop());
    await expect.poll(files).toContain('biscuit-writer.js');
    expect(await files()).toContain('biscuit-dialog.js');
  });
});

describe('what a returning visitor downloads', () => {
  it('loads neither the UI, the stylesheet nor the cookie writer, and runs granted scripts', async () => {
    const path = harness.page('returning', html({ head: SCRIPT, body: BLOCKED }));
    const first = await harness.open(path);
    await acceptAndExpectAnalytics(first.page);
    const { page, requestsSoFar } = await harness.open(path, { context: first.context });
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    // The UI and the writer would be asked for as the script starts, long before this.
    expect((await requestsSoFar()).map((url) => new URL(url).pathname)).toEqual(['/t/returning', '/assets/biscuit-consent/biscuit.global.js']);
    expect(await banner(page).count()).toBe(0);
  });
});

describe('Content Security Policy', () => {
  it("works under default-src 'self' with no violations (the JSON block is data, not script)", async () => {
    const block = '<script type="application/json" id="biscuit-config">{ "categories": { "analytics": {} } }</script>';
    const path = harness.page(
      'csp',
      html({ head: block + SCRIPT, body: '<script type="text/plain" data-consent="analytics" src="/test/browser/pages/analytics.js"></script>' }),
      {
        'Content-Security-Policy': "default-src 'self'",
      },
    );
    const context = await harness.browser.newContext();
    await context.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const { page } = await harness.open(path, { context });
    await banner(page).waitFor();
    // Styled by the stylesheet the script added, not by inline styles.
    const button = page.getByRole('button', { name: 'Accept additional cookies' });
    expect(await button.evaluate((element) => getComputedStyle(element).cursor)).toBe('pointer');
    await button.click();
    await page.waitForFunction(() => (window as { analyticsFileRuns?: number }).analyticsFileRuns === 1);
    await page
      .getByRole('button', { name: 'Customise cookies' })
      .or(page.getByRole('button', { name: 'Hide cookie message' }))
      .first()
      .click();
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });
});
