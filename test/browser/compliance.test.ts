// What a regulator checks, in real Chromium: nothing optional is stored or
// fetched before consent or after a refusal (the whole cookie jar, web storage
// and the network, not only the consent cookie), and refusing is as prominent
// as accepting.
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useBrowser, type OpenPage } from './support/harness';

const harness = useBrowser();

const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function open(path: string, options: BrowserContextOptions & { context?: BrowserContext } = {}) {
  const opened = await harness.open(path, options);
  contexts.push(opened.context);
  return opened;
}

const TRACKER = '/test/browser/pages/tracker.js';

/** A page with a blocked tracker (cookie, localStorage, sessionStorage) and a blocked embed that sets a cookie. */
function trackedPage() {
  const embed = harness.page('embed', '<!doctype html><title>Embed</title><script>document.cookie = "_embed=1; path=/; max-age=86400"</script>');
  return harness.page(
    'tracked',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>
<script type="application/json" id="biscuit-config">{ "categories": { "analytics": {}, "marketing": {} } }</script>
<script src="/assets/biscuit-consent/biscuit.global.js"></script></head>
<body><main><h1>Page</h1><iframe data-consent="marketing" data-src="${embed}" title="Video"></iframe></main>
<script type="text/plain" data-consent="analytics" src="${TRACKER}"></script></body></html>`,
  );
}

/** Cookies (name only), web storage keys and blocked URLs requested: everything a visit left behind. */
async function traces({ page, context, requestsSoFar }: OpenPage) {
  const requested = (await requestsSoFar()).map((url) => new URL(url).pathname);
  return {
    cookies: (await context.cookies()).map((cookie) => cookie.name).sort(),
    storage: await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]),
    blockedRequested: requested.filter((path) => path == TRACKER || path == '/t/embed'),
  };
}

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });
const NOTHING = { cookies: [], storage: [], blockedRequested: [] };

describe('nothing optional before consent or after a refusal', () => {
  it('a first visit leaves no cookie at all, no web storage, and never requests a blocked URL; nor does a refusal, then or on the next visit', async () => {
    const first = await open(trackedPage());
    await banner(first.page).waitFor();
    expect(await traces(first)).toEqual(NOTHING);

    await banner(first.page).getByRole('button', { name: 'Reject additional cookies' }).click();
    await first.page.getByText('You’ve rejected additional cookies.').waitFor();
    expect(await traces(first)).toEqual({ ...NOTHING, cookies: ['biscuit_consent'] });

    const returning = await open(trackedPage(), { context: first.context });
    // The visitor's choice is read at once: once it is, the blocker has had its chance.
    await returning.page.waitForFunction(() => (window as unknown as { Biscuit?: { decided: boolean } }).Biscuit?.decided === true);
    expect(await traces(returning)).toEqual({ ...NOTHING, cookies: ['biscuit_consent'] });
    expect(await banner(returning.page).count()).toBe(0);

    // The control: the same page, once the visitor accepts, does store and fetch all of it.
    await returning.page.evaluate(() => (window as unknown as { Biscuit: { acceptAll(): Promise<unknown> } }).Biscuit.acceptAll());
    await returning.page.waitForFunction(() => (window as { trackerRuns?: number }).trackerRuns === 1);
    await returning.page.frameLocator('iframe[title="Video"]').locator('title').waitFor({ state: 'attached' });
    expect(await traces(returning)).toEqual({
      cookies: ['_embed', '_tracker', 'biscuit_consent'],
      storage: ['tracker', 'tracker-session'],
      blockedRequested: ['/t/embed', TRACKER],
    });
  });
});

/** What makes a button stand out, as the visitor sees it. */
function look(button: Element) {
  const style = getComputedStyle(button);
  return {
    element: button.tagName,
    font: [style.fontFamily, style.fontSize, style.fontWeight, style.fontStyle, style.lineHeight, style.letterSpacing, style.textTransform],
    colours: [style.color, style.backgroundColor, style.backgroundImage, style.opacity],
    text: [style.textDecorationLine, style.textAlign],
    box: [style.paddingTop, style.paddingRight, style.paddingBottom, style.paddingLeft, style.borderRadius, style.boxShadow],
    border: [style.borderTopWidth, style.borderTopStyle, style.borderTopColor, style.borderBottomWidth, style.borderBottomStyle, style.borderBottomColor],
    sides: [style.borderLeftWidth, style.borderLeftStyle, style.borderLeftColor, style.borderRightWidth, style.borderRightStyle, style.borderRightColor],
  };
}

/** The look and the size of each named button in `within`, with the pointer away from them all (no hover). */
async function buttons(page: Page, within: ReturnType<Page['getByRole']>, names: string[]) {
  await page.mouse.move(0, 0);
  return Promise.all(
    names.map(async (name) => {
      const button = within.getByRole('button', { name, exact: true });
      return { name, look: await button.evaluate(look), box: (await button.boundingBox())! };
    }),
  );
}

/**
 * The same look in every respect, the same height, and widths that differ by
 * no more than their labels do (each label's share of its button's width).
 */
function expectEquallyProminent(found: Awaited<ReturnType<typeof buttons>>, widthTolerance: number) {
  const [first, ...others] = found;
  for (const other of others) {
    expect(other.look, `${other.name} looks like ${first!.name}`).toEqual(first!.look);
    expect(Math.abs(other.box.height - first!.box.height), `${other.name} is as tall as ${first!.name}`).toBeLessThanOrEqual(1);
    expect(other.box.width / first!.box.width, `${other.name} is about as wide as ${first!.name}`).toBeGreaterThanOrEqual(1 - widthTolerance);
    expect(other.box.width / first!.box.width, `${other.name} is about as wide as ${first!.name}`).toBeLessThanOrEqual(1 + widthTolerance);
  }
}

describe('equal prominence', () => {
  const path = () => trackedPage();
  const BANNER = ['Accept additional cookies', 'Reject additional cookies', 'Customise cookies'];

  it.each([
    ['on a desktop', { width: 1280, height: 800 }],
    ['on a phone', { width: 320, height: 640 }],
  ])('Accept, Reject and Customise in the banner are the same element, font, colours, padding and border, and the same size %s', async (_, viewport) => {
    const { page } = await open(path(), { viewport });
    await banner(page).waitFor();
    const found = await buttons(page, banner(page), BANNER);
    // Accept and Reject have labels of the same length: the same width, give or take the glyphs.
    expectEquallyProminent(found.slice(0, 2), 0.05);
    // Customise has a shorter label; on a phone every button takes the full width.
    expectEquallyProminent([found[0]!, found[2]!], viewport.width < 400 ? 0.01 : 0.4);
  });

  it('Accept and Reject in the dialog look the same, and as the banner’s do', async () => {
    const { page } = await open(path());
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    const dialog = page.getByRole('dialog', { name: 'Customise cookies' });
    await dialog.waitFor();
    const inDialog = await buttons(page, dialog, ['Accept additional cookies', 'Reject additional cookies']);
    expectEquallyProminent(inDialog, 0.05);
    expect(inDialog[0]!.look).toEqual((await buttons(page, banner(page), ['Accept additional cookies']))[0]!.look);
  });
});
