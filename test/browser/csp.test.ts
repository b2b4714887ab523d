// The library's own loading under strict Content Security Policies, in real
// Chromium: a nonce-only policy (no 'self' for scripts or styles, so the
// stylesheet link must carry the nonce) and 'strict-dynamic' (the lazy chunks
// load through import() from the nonced script). Blocked scripts under these
// policies are tested with the blocker.
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
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
  logged.length = 0;
});

const NONCE = 'c3RyaWN0LW5vbmNl';

/** A page whose script tag and config block carry the nonce, served with `policy`. */
function path(name: string, policy: string, lang = 'en') {
  const config = { cookiesPageUrl: '/cookies', consentLog: { url: '/log', required: true }, categories: { analytics: {} } };
  return harness.page(
    name,
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Page</title>
<script type="application/json" id="biscuit-config" nonce="${NONCE}">${JSON.stringify(config)}</script>
<script nonce="${NONCE}" src="/assets/biscuit-consent/biscuit.global.js"></script></head>
<body><main><h1>Page</h1><a href="/cookies" data-consent-open>Cookie settings</a></main></body></html>`,
    { 'Content-Security-Policy': policy },
  );
}

/** Opens `path` recording every CSP violation the page reports. */
async function open(path: string) {
  const context = await harness.browser.newContext();
  contexts.push(context);
  await context.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { violations: string[] }).violations.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  return harness.open(path, { context });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/**
 * Everything the library loads on its own, step by step: the banner styled by
 * its stylesheet, the cookie writer and the consent log client on "accept"
 * (the log POST too), and the dialog with its own stylesheet on "Cookie settings".
 */
async function expectEverythingLoads(page: Page, errors: string[]) {
  const banner = page.getByRole('region', { name: 'Cookies on this website' });
  await banner.waitFor();
  const accept = banner.getByRole('button', { name: 'Accept additional cookies' });
  // Styled by the stylesheet the script added (a button's default background is not this green).
  expect(await accept.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(0, 112, 60)');
  expect(await page.evaluate(() => Array.from(document.querySelectorAll('link[rel="stylesheet"]'), (link) => (link as HTMLLinkElement).nonce))).toEqual([
    NONCE,
  ]);

  await accept.click();
  await page.getByText('You’ve accepted additional cookies.').waitFor();
  expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual(['biscuit_consent']);
  expect(logged).toEqual([expect.objectContaining({ categories: { essential: true, analytics: true }, source: 'banner' })]);

  await page.getByRole('link', { name: 'Cookie settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Customise cookies' });
  await dialog.getByRole('group', { name: 'Analytics cookies' }).waitFor();
  // The dialog's own stylesheet came with it, carrying the nonce too (a refused one would be a violation).
  expect(
    await page.evaluate(() =>
      Array.from(document.querySelectorAll('link[rel="stylesheet"]'), (link) => [link.getAttribute('href')!.split('/').pop(), (link as HTMLLinkElement).nonce]),
    ),
  ).toEqual([
    ['biscuit.css', NONCE],
    ['biscuit-dialog.css', NONCE],
  ]);
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
}

describe('the library under a strict Content Security Policy', () => {
  it("loads, styles itself, saves and opens the dialog under a nonce-only policy (no 'self' for scripts or styles)", async () => {
    const { page, errors } = await open(path('nonce-only', `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'; connect-src 'self'`));
    await expectEverythingLoads(page, errors);
  });

  it("loads its lazy chunks through import() under 'strict-dynamic'", async () => {
    const { page, requests, errors } = await open(
      path('strict-dynamic', `default-src 'none'; script-src 'nonce-${NONCE}' 'strict-dynamic'; style-src 'nonce-${NONCE}'; connect-src 'self'`),
    );
    await expectEverythingLoads(page, errors);
    // The chunks really came through import() from the nonced script, not from markup.
    expect(
      requests
        .filter((url) => /\/biscuit-(banner|dialog|writer|log)\.js$/.test(url))
        .map((url) => url.split('/').pop())
        .sort(),
    ).toEqual(['biscuit-banner.js', 'biscuit-dialog.js', 'biscuit-log.js', 'biscuit-writer.js']);
  });

  it('loads the Welsh texts (their own chunk) under a nonce-only policy', async () => {
    const { page, requests, errors } = await open(
      path('nonce-only-cy', `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'; connect-src 'self'`, 'cy'),
    );
    await page.getByRole('button', { name: 'Derbyn cwcis ychwanegol' }).waitFor();
    expect(requests.filter((url) => url.endsWith('/biscuit-cy.js'))).toHaveLength(1);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is refused, with a violation report, when the stylesheet link lacks the nonce', async () => {
    // The control for the tests above: the policy really does apply to the stylesheet.
    const { page } = await open(path('nonce-only-no-style', `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'nonce-other'; connect-src 'self'`));
    await page.getByRole('region', { name: 'Cookies on this website' }).waitFor();
    expect(await violations(page)).toEqual([expect.stringMatching(/^style-src-elem .*\/biscuit\.css$/)]);
  });
});
