// Hostile and old host pages, broken storage, a strict CSP with Trusted Types,
// markup in every config text, and rapid or concurrent use, in real Chromium.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/harness';

const harness = useBrowser();

const SCRIPT = '<script src="/assets/biscuit-consent/biscuit.global.js"></script>';
const BLOCKED = '<script type="text/plain" data-consent="analytics">window.analyticsRuns = (window.analyticsRuns || 0) + 1</script>';
// `<` escaped, as any server writing JSON into HTML must, or a "</script>" in a text would end the block.
const config = (value: object) => `<script type="application/json" id="biscuit-config">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;
const html = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>${head}</head><body><main><h1>Page</h1><a href="#x" data-consent-open>Cookie settings</a></main>${body}</body></html>`;

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });
const analyticsRuns = (page: Page) => page.evaluate(() => (window as { analyticsRuns?: number }).analyticsRuns ?? 0);
const record = (page: Page) =>
  page.evaluate(() => (window as unknown as { Biscuit: { get(): { decided: boolean; categories: Record<string, boolean> } } }).Biscuit.get());

/** A context whose pages run `setup` before any of their own scripts. */
async function contextWith(setup: () => void): Promise<BrowserContext> {
  const context = await harness.browser.newContext();
  await context.addInitScript(setup);
  return context;
}

describe('hostile and old host pages', () => {
  const path = () => harness.page('hostile', html(config({ categories: { analytics: {}, marketing: {} } }) + SCRIPT, BLOCKED));

  it.each([
    [
      'extends Array.prototype and Object.prototype with enumerable members (Prototype.js style)',
      () => {
        for (const [target, name] of [
          [Array.prototype, 'each'],
          [Array.prototype, 'first'],
          [Object.prototype, 'extend'],
          [Object.prototype, 'toJSONString'],
        ] as const) {
          Object.defineProperty(target, name, { value: () => {}, enumerable: true, writable: true, configurable: true });
        }
      },
    ],
    [
      'has no crypto.randomUUID (plain http) and no crypto at all',
      () => {
        Object.defineProperty(window, 'crypto', { value: undefined, configurable: true });
      },
    ],
    [
      'has no BroadcastChannel',
      () => {
        Object.defineProperty(window, 'BroadcastChannel', { value: undefined, configurable: true });
      },
    ],
    [
      'has no popovers (the dialog cannot use the top layer)',
      () => {
        delete (HTMLElement.prototype as Partial<HTMLElement>).showPopover;
      },
    ],
    [
      'broke popovers (showPopover() throws)',
      () => {
        HTMLElement.prototype.showPopover = () => {
          throw new Error('broken by the page');
        };
      },
    ],
    [
      'has a CloseWatcher polyfill that throws when it is destroyed',
      () => {
        (window as { CloseWatcher?: unknown }).CloseWatcher = class {
          onclose = null;
          destroy() {
            throw new Error('broken polyfill');
          }
        };
      },
    ],
    [
      'throws on localStorage, as Safari private mode did',
      () => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          },
        });
      },
    ],
  ])('still asks, records and runs what was granted when the page %s', async (_, setup) => {
    const { page, context, errors } = await harness.open(path(), { context: await contextWith(setup) });
    await banner(page).waitFor();
    expect(await analyticsRuns(page)).toBe(0);
    await page.getByRole('link', { name: 'Cookie settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Customise cookies' });
    await dialog.getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'Yes' }).check();
    await dialog.getByRole('button', { name: 'Save cookie preferences' }).click();
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    expect(await record(page)).toMatchObject({ decided: true, categories: { essential: true, analytics: true, marketing: false } });
    // Closed, and the page given back.
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.querySelector('main')!.inert)).toBe(false);
    // The choice applies at once; the cookie is written a task later, once the writer is fetched.
    await page.waitForFunction(() => document.cookie.includes('biscuit_consent='));
    expect((await context.cookies()).find((cookie) => cookie.name == 'biscuit_consent')?.value).toMatch(/\.p\.analytics=1&marketing=0\.[\da-f]{32}$/);
    expect(errors).toEqual([]);
  });

  it('keeps asking when the page swaps its <body> for the next page’s, as Turbo does, and runs what is then granted', async () => {
    const { page, errors } = await harness.open(path());
    await banner(page).waitFor();
    await page.evaluate(() => {
      const next = document.createElement('body');
      next.innerHTML = '<main><h1>Page two</h1><a href="#x" data-consent-open>Cookie settings</a></main>';
      const blocked = document.createElement('script');
      blocked.type = 'text/plain';
      blocked.dataset.consent = 'marketing';
      blocked.textContent = 'window.marketingRuns = (window.marketingRuns || 0) + 1';
      next.append(blocked);
      document.documentElement.replaceChild(next, document.body);
    });
    await banner(page).waitFor();
    // First in the new page's reading and tab order again.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Accept additional cookies');
    await page.keyboard.press('Enter');
    // The new page's blocked script (the first page's left with its <body>).
    await page.waitForFunction(() => (window as { marketingRuns?: number }).marketingRuns === 1);
    await page.getByText('You’ve accepted additional cookies.').waitFor();
    expect(errors).toEqual([]);
  });

  it('closes "Customise cookies" when the page swaps its <body> under it, and leaves the next page usable', async () => {
    const { page, errors } = await harness.open(path());
    await banner(page).waitFor();
    await page.getByRole('link', { name: 'Cookie settings', exact: true }).click();
    await page.getByRole('dialog', { name: 'Customise cookies' }).waitFor();
    await page.waitForFunction(() => document.querySelector('main')!.inert);
    await page.evaluate(() => {
      const next = document.createElement('body');
      next.innerHTML = '<main><h1>Page two</h1><a href="#x" data-consent-open>Cookie settings</a></main>';
      document.documentElement.replaceChild(next, document.body);
    });
    await banner(page).getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.getByText('You’ve rejected additional cookies.').waitFor();
    await page.getByRole('link', { name: 'Cookie settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Customise cookies' });
    await dialog.getByRole('button', { name: 'Save cookie preferences' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.querySelector('main')!.inert)).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('broken storage', () => {
  const path = () => harness.page('storage', html(config({ categories: { analytics: {} } }) + SCRIPT, BLOCKED));

  it('shows the error and keeps the choice when the page silently drops cookie writes', async () => {
    const context = await contextWith(() => {
      // A page (or an extension) that swallows every cookie write.
      Object.defineProperty(document, 'cookie', { get: () => '', set: () => {}, configurable: true });
    });
    const { page } = await harness.open(path(), { context });
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Sorry, there was a technical problem. Please try again.');
    expect(await record(page)).toMatchObject({ decided: true, categories: { analytics: false } });
    expect(await analyticsRuns(page)).toBe(0);
    // The visitor can still change their mind, and that applies to this page too.
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
  });

  it('shows the error when document.cookie throws', async () => {
    const context = await contextWith(() => {
      Object.defineProperty(document, 'cookie', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
        set() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
        configurable: true,
      });
    });
    const { page } = await harness.open(path(), { context });
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Sorry, there was a technical problem. Please try again.');
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
  });

  it('still saves when the cookie jar is close to its limit', async () => {
    const { page, context } = await harness.open(path());
    // Chromium keeps 180 cookies per domain: fill all but one place.
    await context.addCookies(Array.from({ length: 179 }, (_, i) => ({ name: `filler${i}`, value: 'x'.repeat(40), url: harness.origin })));
    await page.reload();
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.getByText('You’ve accepted additional cookies.').waitFor();
    await page.reload();
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    expect(await banner(page).count()).toBe(0);
  });
});

describe('Content Security Policy with nonces and Trusted Types', () => {
  it('works with zero violations when the config and the blocked scripts carry the page nonce', async () => {
    const nonce = 'r4nd0m-n0nce';
    const page_ = html(
      config({ categories: { analytics: {} } }).replace('<script ', `<script nonce="${nonce}" `) + SCRIPT.replace('<script ', `<script nonce="${nonce}" `),
      `${BLOCKED.replace('<script ', `<script nonce="${nonce}" `)}<script type="text/plain" data-consent="analytics" nonce="${nonce}" src="/test/browser/pages/analytics.js"></script>`,
    );
    const path = harness.page('csp-nonce', page_, {
      'Content-Security-Policy': `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; require-trusted-types-for 'script'`,
    });
    const context = await contextWith(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const { page } = await harness.open(path, { context });
    await banner(page).waitFor();
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(
      () =>
        (window as { analyticsRuns?: number; analyticsFileRuns?: number }).analyticsRuns === 1 &&
        (window as { analyticsFileRuns?: number }).analyticsFileRuns === 1,
    );
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('script[data-consent]'), (script) => (script as HTMLScriptElement).nonce))).toEqual([
      nonce,
      nonce,
    ]);
    await page.getByRole('button', { name: 'Hide cookie message' }).click();
    await page.getByRole('link', { name: 'Cookie settings', exact: true }).click();
    await page.getByRole('dialog', { name: 'Customise cookies' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });
});

describe('markup in config', () => {
  it('renders every text, title and value as inert text', async () => {
    const evil = (label: string) => `<img src=x onerror="window.xss='${label}'">"'><script>window.xss='${label}'</script>`;
    const keys = [
      'bannerLabel',
      'bannerTitle',
      'body',
      'hint',
      'cookiesNotice',
      'accept',
      'reject',
      'customise',
      'accepted',
      'rejected',
      'hide',
      'saved',
      'formSaved',
      'error',
      'panelTitle',
      'panelIntro',
      'save',
      'close',
      'yes',
      'no',
      'alwaysOn',
      'gpcNotice',
    ];
    const texts = Object.fromEntries(keys.map((key) => [key, `${key} ${evil(key)} {link ${evil(`${key}-link`)}}`]));
    const hostile = {
      cookiesPageUrl: '/cookies?a="><img/src=x/onerror=window.xss=1>',
      texts: { en: texts },
      categories: { analytics: { title: evil('title'), description: evil('description'), cookies: [evil('cookie')] } },
      nonce: '"><script>window.xss="nonce"</script>',
    };
    const { page, errors } = await harness.open(harness.page('xss', html(config(hostile) + SCRIPT, BLOCKED)));
    const root = page.locator('.bc').first();
    await root.getByText(/^body </).waitFor();
    expect(await root.getByText(/^body </).textContent()).toBe(`body ${evil('body')} `.replace(/ $/, '') + ' link ' + evil('body-link'));
    await root.getByRole('button', { name: /^reject / }).click();
    await root.getByText(/^rejected </).waitFor();
    await page.evaluate(() => (window as unknown as { Biscuit: { showPreferences(): void } }).Biscuit.showPreferences());
    await page
      .getByRole('dialog')
      .getByRole('group', { name: /^<img src=x/ })
      .waitFor();
    expect(await page.evaluate(() => (window as { xss?: string }).xss)).toBeUndefined();
    expect(await page.locator('.bc img, .bc script').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('refuses javascript: links outright', async () => {
    const { page, errors } = await harness.open(harness.page('js-url', html(config({ cookiesPageUrl: 'javascript:window.xss=1' }) + SCRIPT)));
    await banner(page).waitFor();
    expect(errors).toEqual(['console: biscuit-consent: config.cookiesPageUrl must be a relative or http(s) URL; ignoring config.cookiesPageUrl']);
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    expect(await page.locator('.bc a[href^="javascript"]').count()).toBe(0);
  });
});

describe('rapid and concurrent use', () => {
  const path = () => harness.page('rapid', html(config({ categories: { analytics: {}, marketing: {} } }) + SCRIPT, BLOCKED));
  const watchChanges = () =>
    contextWith(() => {
      (window as unknown as { changes: number }).changes = 0;
      document.addEventListener('biscuit:change', () => (window as unknown as { changes: number }).changes++);
    });

  it('a double click on accept is one choice, one change event and one script run', async () => {
    const { page } = await harness.open(path(), { context: await watchChanges() });
    await page.getByRole('button', { name: 'Accept additional cookies' }).dblclick();
    await page.getByText('You’ve accepted additional cookies.').waitFor();
    // A sentinel: saving the same choice once more. Saves are written one after
    // another and each change event follows its write, so once this settles any
    // change event the clicks caused has fired (and this one adds none).
    await page.evaluate(() => (window as unknown as { Biscuit: { acceptAll(): Promise<unknown> } }).Biscuit.acceptAll());
    expect(await page.evaluate(() => (window as unknown as { changes: number }).changes)).toBe(1);
    expect(await analyticsRuns(page)).toBe(1);
  });

  it('many quick toggles in the panel end in one consistent record in the cookie', async () => {
    const { page, context } = await harness.open(path(), { context: await watchChanges() });
    await page.getByRole('button', { name: 'Customise cookies' }).click();
    const dialog = page.getByRole('dialog', { name: 'Customise cookies' });
    const analytics = dialog.getByRole('group', { name: 'Analytics cookies' });
    for (let i = 0; i < 5; i++) {
      await analytics.getByRole('radio', { name: 'Yes' }).check();
      await analytics.getByRole('radio', { name: 'No' }).check();
    }
    await analytics.getByRole('radio', { name: 'Yes' }).check();
    await dialog.getByRole('button', { name: 'Save cookie preferences' }).click();
    await page.waitForFunction(() => (window as { analyticsRuns?: number }).analyticsRuns === 1);
    // The same sentinel as above: saving nothing new settles after the panel's save.
    await page.evaluate(() => (window as unknown as { Biscuit: { save(choices: object): Promise<unknown> } }).Biscuit.save({}));
    expect((await context.cookies()).find((cookie) => cookie.name == 'biscuit_consent')!.value).toMatch(/\.p\.analytics=1&marketing=0\./);
    expect(await page.evaluate(() => (window as unknown as { changes: number }).changes)).toBe(1);
  });

  it('two tabs saving at once leave one consistent record that both tabs agree on', async () => {
    const first = await harness.open(path(), { context: await watchChanges() });
    const second = await harness.open(path(), { context: first.context });
    await Promise.all([banner(first.page).waitFor(), banner(second.page).waitFor()]);
    await Promise.all([
      first.page.evaluate(() => (window as unknown as { Biscuit: { acceptAll(): Promise<unknown> } }).Biscuit.acceptAll()),
      second.page.evaluate(() => (window as unknown as { Biscuit: { rejectAll(): Promise<unknown> } }).Biscuit.rejectAll()),
    ]);
    const stored = (await first.context.cookies()).find((cookie) => cookie.name == 'biscuit_consent')!.value;
    const granted = stored.includes('analytics=1');
    const expected = granted ? { analytics: true, marketing: true } : { analytics: false, marketing: false };
    await expect.poll(async () => (await record(first.page)).categories).toMatchObject(expected);
    await expect.poll(async () => (await record(second.page)).categories).toMatchObject(expected);
    // The first tab granted at once, so it ran analytics whichever save won. When
    // the acceptance won, the second tab (which rejected) follows it and runs
    // analytics too; when the rejection won, it may have run it while it briefly
    // held the other tab's acceptance. Never twice: each script runs once.
    const ranAnalytics = (page: Page) =>
      page
        .waitForFunction(() => ((window as { analyticsRuns?: number }).analyticsRuns ?? 0) >= 1, undefined, { timeout: 10_000 })
        .then(() => analyticsRuns(page));
    expect(await ranAnalytics(first.page)).toBe(1);
    if (granted) expect(await ranAnalytics(second.page)).toBe(1);
    else expect(await analyticsRuns(second.page)).toBeLessThanOrEqual(1);
  });
});
