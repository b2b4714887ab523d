// What an attacker who can add markup to a page, or a cookie from a sibling
// subdomain, can make the library do, in real Chromium: nothing optional runs
// that the visitor's own current choice does not allow.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/harness';

/** Responses of /held/ wait until the test releases them, so "while it loads" is certain. */
const held: (() => void)[] = [];
const release = () => held.splice(0).forEach((done) => done());

const harness = useBrowser({
  // Every *.site.test name resolves to the test server, so a "sibling subdomain" can plant cookies.
  chromiumArgs: ['--host-resolver-rules=MAP *.site.test 127.0.0.1'],
  handlers: {
    '/held/': async (_request, response) => {
      await new Promise<void>((done) => held.push(done));
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end('window.heldRuns = (window.heldRuns || 0) + 1;');
    },
    // What an attacker's injected external script would do.
    '/evil.js': (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end("window.injected = (window.injected || []).concat('external');");
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
const read = <T>(page: Page, name: string) => page.evaluate((key) => (window as unknown as Record<string, T>)[key], name);

/** A context whose pages record console warnings and CSP violations in `window.warnings` and `window.violations`. */
async function watchingContext(): Promise<BrowserContext> {
  const context = await harness.browser.newContext();
  await context.addInitScript(() => {
    const log = window as unknown as { warnings: string[]; violations: string[] };
    log.warnings = [];
    log.violations = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      log.warnings.push(String(args[0]));
      warn.apply(console, args);
    };
    document.addEventListener('securitypolicyviolation', (event) => log.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return context;
}

/** A consent cookie value for the `analytics` category, dated now. */
const consentValue = (analytics: boolean) => `1.0.${Math.floor(Date.now() / 1000)}.b.analytics=${+analytics}.${(analytics ? 'a' : 'b').repeat(32)}`;

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
    await page.getByText('You’ve rejected additional cookies.').waitFor();
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
    await page.getByText('You’ve accepted additional cookies.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    const [stored] = (await context.cookies(url)).filter((cookie) => cookie.name == '__Host-biscuit_consent');
    expect(stored).toMatchObject({ secure: true, path: '/', domain: 'localhost' });
    await page.reload();
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    expect(await banner(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('markup injected into a page that protects itself with CSP nonces', () => {
  const nonce = 'r4nd0m-n0nce';
  // The site's own blocked scripts carry the nonce; what an attacker slipped
  // in (through a comment a sanitiser let through, say) cannot know it.
  const body = `
    <script type="text/plain" data-consent="analytics" nonce="${nonce}">window.own = (window.own || 0) + 1</script>
    <script type="text/plain" data-consent="analytics" nonce="${nonce}" src="/test/browser/pages/analytics.js"></script>
    <div class="comment">
      <script type="text/plain" data-consent="essential">window.injected = (window.injected || []).concat('inline essential')</script>
      <script type="text/plain" data-consent="essential" src="/evil.js"></script>
      <script type="text/plain" data-consent="analytics" nonce="guess">window.injected = (window.injected || []).concat('inline analytics')</script>
    </div>`;
  const page_ = html(config({ categories: { analytics: {} } }, ` nonce="${nonce}"`) + SCRIPT.replace('<script ', `<script nonce="${nonce}" `), body);

  it.each([
    ['script-src with a nonce', `default-src 'self'; script-src 'self' 'nonce-${nonce}'`],
    ["'strict-dynamic'", `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'`],
    ['Trusted Types', `default-src 'self'; script-src 'self' 'nonce-${nonce}'; require-trusted-types-for 'script'`],
  ])('never runs a blocked script without the nonce (%s), says so once for each, and runs the site’s own', async (name, policy) => {
    const path = harness.page(`nonce-${name.length}`, page_, { 'Content-Security-Policy': policy });
    const { page, errors } = await harness.open(path, { context: await watchingContext() });
    await banner(page).waitFor();
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => (window as { own?: number }).own === 1 && (window as { analyticsFileRuns?: number }).analyticsFileRuns === 1);
    await page.evaluate(() => (window as unknown as { Biscuit: { acceptAll(): Promise<unknown> } }).Biscuit.acceptAll());
    await page.waitForTimeout(300);
    expect(await read(page, 'injected')).toBeUndefined();
    expect(await read(page, 'warnings')).toEqual(Array(3).fill('biscuit-consent: this stays blocked: render the page\'s CSP nonce on it (nonce="…")'));
    expect(await read(page, 'violations')).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('data-src and data-srcdoc', () => {
  it('never turns data-src="javascript:…" (or a data: frame) into a running script when the visitor accepts', async () => {
    const frames = `
      <iframe data-consent="analytics" data-src="javascript:parent.xss=1" title="A"></iframe>
      <iframe data-consent="analytics" data-src=" JaVa&#9;ScRiPt:parent.xss=2" title="B"></iframe>
      <iframe data-consent="analytics" data-src="data:text/html,<script>parent.postMessage(3, '*')</script>" title="C"></iframe>
      <iframe data-consent="analytics" data-src="/test/browser/pages/analytics.js" title="D"></iframe>`;
    const { page, errors } = await harness.open(harness.page('javascript-url', html(config({ categories: { analytics: {} } }) + SCRIPT, frames)), {
      context: await watchingContext(),
    });
    await banner(page).waitFor();
    await page.evaluate(() => addEventListener('message', (event) => ((window as { xss?: unknown }).xss = event.data)));
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.locator('iframe[title="D"][src]').waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    expect(await read(page, 'xss')).toBeUndefined();
    expect(await page.locator('iframe[src]').count()).toBe(1);
    expect(await read<string[]>(page, 'warnings')).toHaveLength(3);
    expect(errors).toEqual([]);
  });

  it('loads an <iframe data-srcdoc> once its category is granted', async () => {
    const frame = '<iframe data-consent="analytics" data-srcdoc="<p>Hello from the widget</p>" title="Widget"></iframe>';
    const { page } = await harness.open(harness.page('srcdoc', html(config({ categories: { analytics: {} } }) + SCRIPT, frame)));
    await banner(page).waitFor();
    expect(await page.locator('iframe[srcdoc]').count()).toBe(0);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.frameLocator('iframe[title="Widget"]').getByText('Hello from the widget').waitFor();
  });
});

describe('a withdrawal before queued activations ran', () => {
  it('runs nothing when acceptAll(); rejectAll(); come in one task', async () => {
    const { page } = await harness.open(harness.page('accept-reject', html(config({ categories: { analytics: {} } }) + SCRIPT, BLOCKED)));
    await banner(page).waitFor();
    await page.evaluate(() => {
      const api = (window as unknown as { Biscuit: { acceptAll(): unknown; rejectAll(): unknown } }).Biscuit;
      api.acceptAll();
      api.rejectAll();
    });
    await page.waitForTimeout(300);
    expect(await analyticsRuns(page)).toBe(0);
    expect(await decided(page)).toBe(true);
  });

  it('runs nothing queued behind a loading script once the visitor rejects in the dialog', async () => {
    const blocked = `
      <script type="text/plain" data-consent="analytics" src="/held/lib.js"></script>
      <script type="text/plain" data-consent="analytics">document.cookie = '_ga=1; path=/'; window.analyticsRuns = 1</script>`;
    const path = harness.page('reject-while-loading', html(config({ categories: { analytics: { cookies: ['_ga'] } } }) + SCRIPT, blocked));
    const { page, context } = await harness.open(path);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await expect.poll(() => held.length).toBe(1);
    await page.getByRole('link', { name: 'Cookie settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Customise cookies' });
    await dialog.getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'No' }).check();
    await dialog.getByRole('button', { name: 'Save cookie preferences' }).click();
    await page.getByText('Your cookie preferences have been saved.').first().waitFor();
    release();
    // The library itself was already loading and cannot be stopped; what waited for it must not run.
    await page.waitForFunction(() => (window as { heldRuns?: number }).heldRuns === 1);
    await page.waitForTimeout(300);
    expect(await analyticsRuns(page)).toBe(0);
    expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['biscuit_consent']);
  });
});

describe('what injected markup can make the page say about the config', () => {
  const everythingEssential = JSON.stringify({ categories: { analytics: { essential: true } } });
  const injectedDiv = `<div id="biscuit-config" hidden>${everythingEssential}</div>`;
  const real = { categories: { analytics: {} } };
  const categoriesOf = (page: Page) =>
    page.evaluate(() =>
      (window as unknown as { Biscuit: { config: { categories: { name: string; essential: boolean }[] } } }).Biscuit.config.categories.map(
        ({ name, essential }) => `${name}${essential ? ' (essential)' : ''}`,
      ),
    );

  it.each([
    ['window.BiscuitConfig', `${injectedDiv}<script>window.BiscuitConfig = ${JSON.stringify(real)}</script>${SCRIPT}`, ['essential (essential)', 'analytics']],
    ['a JSON block at the end of <body>', `${injectedDiv}${config(real)}${SCRIPT}`, ['essential (essential)', 'analytics']],
    ['nothing (the defaults)', `${injectedDiv}${SCRIPT}`, ['essential (essential)', 'preferences', 'analytics']],
  ])('ignores a <div id="biscuit-config"> when the real config comes from %s, with a warning', async (name, body, expected) => {
    const { page, errors } = await harness.open(harness.page(`div-config-${name.length}`, html('', BLOCKED + body)), { context: await watchingContext() });
    await banner(page).waitFor();
    expect(await categoriesOf(page)).toEqual(expected);
    expect(await analyticsRuns(page)).toBe(0);
    expect(await read(page, 'warnings')).toEqual([
      'biscuit-consent: ignoring a #biscuit-config that is not a <script type="application/json"> (with the page\'s nonce, if any)',
    ]);
    expect(errors).toEqual([]);
  });

  it('uses neither of two JSON blocks, since either could be the injected one, and says so', async () => {
    const injected = config({ categories: { analytics: { essential: true } } });
    const { page, errors } = await harness.open(harness.page('two-configs', html('', BLOCKED + injected + config(real) + SCRIPT)));
    await banner(page).waitFor();
    expect(await categoriesOf(page)).toEqual(['essential (essential)', 'preferences', 'analytics']);
    expect(await analyticsRuns(page)).toBe(0);
    expect(errors).toEqual(['console: biscuit-consent: there is more than one #biscuit-config block; using the defaults']);
  });

  it('on a page with a nonce, takes only the JSON block that carries it', async () => {
    const nonce = 'r4nd0m-n0nce';
    const injected = config({ categories: { analytics: { essential: true } } });
    const body =
      BLOCKED.replace('<script ', `<script nonce="${nonce}" `) +
      injected +
      config(real, ` nonce="${nonce}"`) +
      SCRIPT.replace('<script ', `<script nonce="${nonce}" `);
    const path = harness.page('nonce-config', html('', body), { 'Content-Security-Policy': `default-src 'self'; script-src 'self' 'nonce-${nonce}'` });
    const { page, errors } = await harness.open(path, { context: await watchingContext() });
    await banner(page).waitFor();
    expect(await categoriesOf(page)).toEqual(['essential (essential)', 'analytics']);
    expect(await analyticsRuns(page)).toBe(0);
    expect(await read<string[]>(page, 'warnings')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it.each([
    ['<form id="BiscuitConfig">', '<form id="BiscuitConfig"><input name="categories"></form>'],
    ['<img name="BiscuitConfig">', '<img name="BiscuitConfig" alt="">'],
  ])('takes no config from a %s that shadows window.BiscuitConfig, and says so', async (_, element) => {
    const { page, errors } = await harness.open(harness.page(`clobbered-${element.length}`, html('', BLOCKED + element + SCRIPT)));
    await banner(page).waitFor();
    expect(await categoriesOf(page)).toEqual(['essential (essential)', 'preferences', 'analytics']);
    expect(errors).toEqual(['console: biscuit-consent: the config must be a plain object; using the defaults']);
  });

  it('loads its parts from its own folder even when <img name="currentScript"> shadows document.currentScript', async () => {
    const clobber = `<img name="currentScript" alt="" src="/evil/" nonce="guess">`;
    const { page, requests } = await harness.open(harness.page('current-script', html('', clobber + config(real) + BLOCKED + SCRIPT)));
    await banner(page).waitFor();
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    expect(requests.filter((url) => new URL(url).pathname.startsWith('/evil/'))).toEqual([expect.stringMatching(/\/evil\/$/)]);
  });
});
