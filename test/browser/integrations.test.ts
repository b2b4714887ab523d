// Google Consent Mode, Global Privacy Control, cookie clean-up on parent
// domains, tabs kept in step, and the consent log, in real Chromium.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consentLogReceiver } from './support/consent-log';
import { useBrowser } from './support/harness';

/** The test consent log (`/log`) and what it received. */
const log = consentLogReceiver();
const { logged } = log;
log.status = 201;
const harness = useBrowser({
  // Every *.site.test name resolves to the test server, so pages can set cookies on a parent domain.
  chromiumArgs: ['--host-resolver-rules=MAP *.site.test 127.0.0.1'],
  handlers: {
    '/log': log.handler,
  },
});

const SCRIPT = '<script src="/assets/biscuit-consent/biscuit.global.js"></script>';
const config = (value: object) => `<script type="application/json" id="biscuit-config">${JSON.stringify(value)}</script>`;
const html = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>${head}</head><body><main><h1>Page</h1></main>${body}</body></html>`;
const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });

describe('Google Consent Mode v2', () => {
  // Stands in for the Google tag: records what dataLayer held when it ran.
  const TAG = '<script>window.seenByTag = window.dataLayer.map(function (entry) { return Array.prototype.slice.call(entry); });</script>';
  const path = () => harness.page('gcm', html(config({ googleConsentMode: true, categories: { analytics: {}, marketing: {} } }) + SCRIPT + TAG));

  it('puts the default in dataLayer before a tag placed after the script runs, and an update after a choice', async () => {
    const { page, errors } = await harness.open(path());
    const seen = await page.evaluate(() => (window as unknown as { seenByTag: unknown[][] }).seenByTag);
    expect(seen).toEqual([
      [
        'consent',
        'default',
        {
          ad_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
          analytics_storage: 'denied',
          functionality_storage: 'denied',
          personalization_storage: 'denied',
          security_storage: 'granted',
          wait_for_update: 500,
        },
      ],
    ]);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.length == 2);
    const update = await page.evaluate(() => Array.prototype.slice.call((window as unknown as { dataLayer: IArguments[] }).dataLayer[1]));
    expect(update).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted' })]);
    expect(errors).toEqual([]);
  });

  it('sends the update for a returning visitor before the tag runs', async () => {
    const first = await harness.open(path());
    await first.page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await first.page.getByText('You’ve rejected additional cookies.').waitFor();
    const { page } = await harness.open(path(), { context: first.context });
    const seen = await page.evaluate(() => (window as unknown as { seenByTag: unknown[][] }).seenByTag);
    expect(seen.map((command) => command[1])).toEqual(['default', 'update']);
    expect(seen[1]![2]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied' });
  });
});

describe('Global Privacy Control', () => {
  async function withGpc() {
    const context = await harness.browser.newContext();
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    return context;
  }
  const path = () => harness.page('gpc', html(config({ categories: { analytics: {}, marketing: {} } }) + SCRIPT));

  it('leaves marketing refused when the visitor accepts, and says so in the panel, where an explicit yes still counts', async () => {
    const { page } = await harness.open(path(), { context: await withGpc() });
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.getByText('You’ve accepted additional cookies.').waitFor();
    const categories = () => page.evaluate(() => (window as unknown as { Biscuit: { get(): { categories: object } } }).Biscuit.get().categories);
    expect(await categories()).toEqual({ essential: true, analytics: true, marketing: false });

    await page.evaluate(() => (window as unknown as { Biscuit: { showPreferences(): void } }).Biscuit.showPreferences());
    const marketing = page.getByRole('dialog', { name: 'Customise cookies' }).getByRole('group', { name: 'Marketing cookies' });
    expect(await marketing.textContent()).toContain('Your browser is sending a Global Privacy Control signal, so this is set to No.');
    expect(await marketing.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    await marketing.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Save cookie preferences' }).click();
    await expect.poll(categories).toEqual({ essential: true, analytics: true, marketing: true });
  });
});

describe('clean-up on withdrawal', () => {
  it('deletes cookies set on the host and on the parent domain, and reloads when asked to', async () => {
    // Sets _ga on the host and _gid on the parent domain, as analytics tags do.
    const analytics = `<script type="text/plain" data-consent="analytics">
      document.cookie = '_ga=1; path=/';
      document.cookie = '_gid=1; path=/; domain=site.test';
      document.cookie = '_ga_XYZ=1; path=/t; domain=.site.test';
      window.analyticsRuns = (window.analyticsRuns || 0) + 1;
    </script>`;
    const path = harness.page(
      'cleanup',
      html(config({ reloadOnWithdraw: true, categories: { analytics: { cookies: ['_ga', '_ga_*', '_gid'] } } }) + SCRIPT, analytics),
    );
    const port = new URL(harness.origin).port;
    const { page, context } = await harness.open(`http://www.site.test:${port}${path}`);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    const names = async () => (await context.cookies()).map((cookie) => `${cookie.name}@${cookie.domain}`).sort();
    // The scripts start at once; the consent cookie follows a moment later.
    await expect.poll(names).toEqual(['_ga@www.site.test', '_ga_XYZ@.site.test', '_gid@.site.test', 'biscuit_consent@www.site.test']);

    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => (window as unknown as { Biscuit: { save(c: object): unknown } }).Biscuit.save({ analytics: false }));
    await reloaded;
    expect(await names()).toEqual(['biscuit_consent@www.site.test']);
    expect(await page.evaluate(() => (window as { analyticsRuns?: number }).analyticsRuns)).toBeUndefined();
  });
});

describe('clean-up of web storage', () => {
  // Stands in for a video player's script running on the site: it keeps state in the site's own storage.
  const PLAYER = `<script type="text/plain" data-consent="marketing">
    localStorage.setItem('yt-remote-device-id', '1');
    localStorage.setItem('yt-player-quality', '1');
    sessionStorage.setItem('yt-player-volume', '1');
    window.playerRuns = (window.playerRuns || 0) + 1;
  </script>`;
  const CONFIG = {
    categories: {
      analytics: { cookies: ['_ga'] },
      marketing: {
        cookies: [
          { name: 'yt-remote-device-id', provider: 'YouTube', storage: 'localStorage' },
          { name: 'yt-player-*', provider: 'YouTube', storage: 'localStorage' },
          { name: 'yt-player-*', provider: 'YouTube', storage: 'sessionStorage' },
        ],
      },
    },
  };
  const stored = (page: Page) => page.evaluate(() => ({ local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage).sort() }));

  it('clears the declared keys of a withdrawn category, patterns included, and nothing else', async () => {
    const { page, errors } = await harness.open(harness.page('storage', html(config(CONFIG) + SCRIPT, PLAYER)));
    await page.evaluate(() => localStorage.setItem('basket', '3 items'));
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => (window as { playerRuns?: number }).playerRuns === 1);
    expect(await stored(page)).toEqual({ local: ['basket', 'yt-player-quality', 'yt-remote-device-id'], session: ['yt-player-volume'] });

    await page.evaluate(() => (window as unknown as { Biscuit: { save(c: object): unknown } }).Biscuit.save({ marketing: false }));
    await expect.poll(() => stored(page)).toEqual({ local: ['basket'], session: [] });
    expect(errors).toEqual([]);
  });

  it('clears what a refused category left behind when the page loads', async () => {
    const { page, context } = await harness.open(harness.page('storage-returning', html(config(CONFIG) + SCRIPT)));
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.evaluate(() => {
      localStorage.setItem('yt-remote-device-id', '1');
      localStorage.setItem('basket', '3 items');
    });
    const next = await context.newPage();
    await next.goto(page.url());
    await expect.poll(() => stored(next)).toEqual({ local: ['basket'], session: [] });
  });

  it('runs without an error on a page whose storage the browser blocks', async () => {
    const path = harness.page('storage-blocked', html(config(CONFIG) + SCRIPT, PLAYER));
    const context = await harness.browser.newContext();
    // As when a visitor turns off site data: touching localStorage throws.
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    const { page, errors } = await harness.open(path, { context });
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.getByText('You’ve rejected additional cookies.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('tabs', () => {
  it('brings the other open tabs up to date within a second, without a reload', async () => {
    const blocked = '<script type="text/plain" data-consent="analytics">window.analyticsRuns = (window.analyticsRuns || 0) + 1</script>';
    const path = harness.page('tabs', html(config({ categories: { analytics: {} } }) + SCRIPT, blocked));
    const first = await harness.open(path);
    const second = await harness.open(path, { context: first.context });
    await banner(second.page).waitFor();
    await banner(first.page).waitFor();
    let navigations = 0;
    second.page.on('framenavigated', () => navigations++);

    await harness.switchTo(first.page);
    await first.page.getByRole('button', { name: 'Accept additional cookies' }).click();
    const started = Date.now();
    await second.page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1, undefined, { timeout: 1000 });
    await banner(second.page).waitFor({ state: 'detached', timeout: 1000 - (Date.now() - started) });
    expect(navigations).toBe(0);
  });
});

describe('the consent log', () => {
  const path = (required: boolean) =>
    harness.page(`log-${required}`, html(config({ consentLog: { url: '/log', required }, categories: { analytics: {} } }) + SCRIPT));

  async function acceptIn(context?: BrowserContext, required = true) {
    const opened = await harness.open(path(required), context ? { context } : {});
    await opened.page.getByRole('button', { name: 'Accept additional cookies' }).click();
    return opened;
  }

  it('POSTs each saved record, with nothing personal', async () => {
    logged.length = 0;
    log.status = 201;
    const { page } = await acceptIn();
    await page.getByText('You’ve accepted additional cookies.').waitFor();
    const id = await page.evaluate(() => (window as unknown as { Biscuit: { get(): { id: string } } }).Biscuit.get().id);
    expect(logged).toEqual([
      { id, updatedAt: expect.any(String), revision: 0, categories: { essential: true, analytics: true }, exempt: [], source: 'banner' },
    ]);
  });

  it('with required: true, shows the technical-problem message when the log fails, and the retry succeeds', async () => {
    log.status = 503;
    const { page } = await acceptIn();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Sorry, there was a technical problem. Please try again.');
    log.status = 201;
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.getByText('You’ve accepted additional cookies.').waitFor();
  });

  it('without required, the choice holds when the log fails, and the error is reported', async () => {
    log.status = 500;
    const context = await harness.browser.newContext();
    await context.addInitScript(() =>
      document.addEventListener('biscuit:error', (event) => ((window as unknown as { logError: string }).logError = String((event as CustomEvent).detail))),
    );
    const { page } = await acceptIn(context, false);
    await page.getByText('You’ve accepted additional cookies.').waitFor();
    await page.waitForFunction(() => 'logError' in window);
    expect(await page.evaluate(() => (window as unknown as { logError: string }).logError)).toBe(
      'ConsentLogError: biscuit-consent: the consent log answered 500',
    );
  });
});
