// Embed placeholders in real Chromium, through the script-tag build: nothing
// reaches the embed's provider before the visitor asks, "Load this content"
// and "Accept …" do what they say (here and in another tab), withdrawal puts
// the placeholders back, late embeds get them too, keyboard and screen-reader
// use, axe, layout shift, Welsh, and a hostile address. The embeds' providers
// are stand-ins served by the test: no request leaves the machine.
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { useBrowser } from './support/harness';

const harness = useBrowser();

const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

const VIDEO_URL = 'https://www.youtube-nocookie.com/embed/bins';
const MAP_URL = 'https://www.google.com/maps/embed?pb=depot';
const VIDEO = `<iframe data-consent="marketing" data-src="${VIDEO_URL}" title="Video: how to put your bins out" width="560" height="315"></iframe>`;
const MAP = `<iframe data-consent="marketing" data-src="${MAP_URL}" title="Map of the depot" style="display: block; width: 100%; height: 450px; border: 0"></iframe>`;
const CONFIG = { cookiesPageUrl: '/cookies-page/', categories: { analytics: {}, marketing: { title: 'Video and map cookies' } } };

function html({ main = `<p>Before.</p>${VIDEO}<p>Between.</p>${MAP}<p>After.</p>`, lang = 'en', head = '', end = '' } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page</title><script type="application/json" id="biscuit-config">${JSON.stringify(CONFIG)}</script>${head}
<script src="/assets/biscuit-consent/biscuit.global.js"></script></head>
<body><header><a href="/">Home</a></header><main><h1>Bin collections</h1>${main}</main>
<footer><a href="/cookies-page/" data-consent-open>Cookie settings</a></footer>${end}</body></html>`;
}

/** A fresh context whose embed providers answer with stand-in pages, closed after the test. */
async function newContext(options: BrowserContextOptions = {}) {
  const context = await harness.browser.newContext(options);
  contexts.push(context);
  await context.route(/^https:\/\/www\.(youtube-nocookie|google)\.com\//, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Stand-in</title><p>Stand-in for ${route.request().url()}</p>` }),
  );
  return context;
}

/** `path` open in `context`, else in a fresh one. */
async function open(path: string, { context, ...options }: BrowserContextOptions & { context?: BrowserContext } = {}) {
  return harness.open(path, { context: context ?? (await newContext(options)) });
}

const group = (page: Page, name: string) => page.getByRole('group', { name });
const VIDEO_NAME = 'Video: how to put your bins out';
const frameSource = (page: Page, title: string) => page.locator(`iframe[title="${title}"]`).getAttribute('src');
const embedRequests = (requests: string[]) => requests.filter((url) => url == VIDEO_URL || url == MAP_URL);
const consentCookie = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name == 'biscuit_consent')?.value;

describe('embed placeholders in Chromium', () => {
  it('send nothing to the provider before a click; "Load this content" loads that one alone, saves nothing, and the next page asks again', async () => {
    const { page, context, requests, errors } = await open(harness.page('embeds', html()));
    const video = group(page, VIDEO_NAME);
    await video.waitFor();
    await group(page, 'Map of the depot').waitFor();
    expect(await video.textContent()).toContain('This content is provided by YouTube. It may set Video and map cookies.');
    expect(await group(page, 'Map of the depot').textContent()).toContain('This content is provided by Google Maps.');
    expect(embedRequests(requests)).toEqual([]);

    await video.getByRole('button', { name: 'Load this content' }).click();
    await expect.poll(() => embedRequests(requests)).toEqual([VIDEO_URL]);
    expect(await frameSource(page, 'Map of the depot')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('title'))).toBe(VIDEO_NAME);
    expect(await consentCookie(context)).toBeUndefined();
    // Still undecided: the banner still asks.
    await page.getByRole('region', { name: 'Cookies on this website' }).waitFor();

    await page.reload();
    await group(page, VIDEO_NAME).waitFor();
    expect(await frameSource(page, VIDEO_NAME)).toBeNull();
    expect(errors).toEqual([]);
  });

  it('"Accept …" grants the category (source "placeholder") and loads every embed waiting for it, in this tab and another', async () => {
    const first = await open(harness.page('embeds', html()));
    const second = await open(harness.page('embeds', html()), { context: first.context });
    await group(second.page, 'Map of the depot').waitFor();
    await harness.switchTo(first.page);
    await group(first.page, 'Map of the depot').getByRole('button', { name: 'Accept Video and map cookies' }).click();
    for (const { page } of [first, second]) {
      await page.waitForFunction((url) => document.querySelector('iframe[title="Map of the depot"]')?.getAttribute('src') == url, MAP_URL);
      expect(await frameSource(page, VIDEO_NAME)).toBe(VIDEO_URL);
      expect(await page.locator('.bc-placeholder').count()).toBe(0);
    }
    expect(await consentCookie(first.context)).toMatch(/^2\.0\.\d+\.h\.analytics=0&marketing=1\./);
    expect(await first.page.evaluate(() => document.activeElement?.getAttribute('title'))).toBe('Map of the depot');
    // A choice was made: the banner has nothing left to ask.
    await first.page.getByRole('region', { name: 'Cookies on this website' }).waitFor({ state: 'detached' });
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('go back on withdrawal: the frames leave the provider for about:blank, and the placeholders return', async () => {
    const { page, requests } = await open(harness.page('embeds', html()));
    await group(page, VIDEO_NAME).getByRole('button', { name: 'Accept Video and map cookies' }).click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('iframe')).every((frame) => frame.getAttribute('src')));
    // Once the choice is saved the banner goes, and the page below it settles.
    await page.getByRole('region', { name: 'Cookies on this website' }).waitFor({ state: 'detached' });
    // By keyboard: headless Chromium now and then hands a click on this page to the cross-origin frame that loaded under the pointer.
    await page.getByRole('link', { name: 'Cookie settings' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Customise cookies' });
    await dialog.getByRole('group', { name: 'Video and map cookies' }).getByRole('radio', { name: 'No' }).check();
    await dialog.getByRole('button', { name: 'Save cookie preferences' }).click();
    await group(page, VIDEO_NAME).waitFor();
    await group(page, 'Map of the depot').waitFor();
    expect(
      await page.evaluate(() => Array.from(document.querySelectorAll('iframe'), (frame) => [frame.getAttribute('src'), frame.contentWindow!.location.href])),
    ).toEqual([
      [null, 'about:blank'],
      [null, 'about:blank'],
    ]);
    const sent = embedRequests(requests).length;
    await page.waitForTimeout(300);
    expect(embedRequests(requests)).toHaveLength(sent);
  });

  it('are downloaded only where an embed waits: not by a returning visitor who allowed it, nor on a page without embeds', async () => {
    const files = (requests: string[]) =>
      requests
        .map((url) => new URL(url).pathname)
        .filter((path) => path.startsWith('/assets/'))
        .map((path) => path.split('/').pop())
        .sort();
    const first = await open(harness.page('embeds', html()));
    await group(first.page, VIDEO_NAME).getByRole('button', { name: 'Accept Video and map cookies' }).click();
    await first.page.getByRole('region', { name: 'Cookies on this website' }).waitFor({ state: 'detached' });
    // The same visitor, on the next pages.
    const allowed = await open(harness.page('embeds', html()), { context: first.context });
    await allowed.page.waitForFunction((url) => document.querySelector('iframe')?.getAttribute('src') == url, VIDEO_URL);
    await allowed.page.waitForTimeout(300);
    expect(files(allowed.requests)).toEqual(['biscuit.global.js']);
    // A returning visitor who refused them: the placeholders and their stylesheet, not the banner.
    const context = await newContext();
    await context.addCookies([
      { name: 'biscuit_consent', value: `1.0.${Math.floor(Date.now() / 1000)}.b.analytics=0&marketing=0.${'a'.repeat(32)}`, url: harness.origin },
    ]);
    const refused = await open(harness.page('embeds', html()), { context });
    await group(refused.page, VIDEO_NAME).waitFor();
    expect(files(refused.requests)).toEqual(['biscuit-placeholders.css', 'biscuit-placeholders.js', 'biscuit.css', 'biscuit.global.js']);
    const none = await open(harness.page('no-embeds', html({ main: '<p>No embeds here.</p>' })), { context: first.context });
    await none.page.waitForTimeout(300);
    expect(files(none.requests)).toEqual(['biscuit.global.js']);
  });

  it('are drawn for embeds the page adds later', async () => {
    const { page } = await open(harness.page('late', html({ main: '<p>Nothing yet.</p>' })));
    await page.getByRole('region', { name: 'Cookies on this website' }).waitFor();
    await page.evaluate((markup) => document.querySelector('main')!.insertAdjacentHTML('beforeend', `<section>${markup}</section>`), VIDEO);
    await group(page, VIDEO_NAME).waitFor();
    expect(await frameSource(page, VIDEO_NAME)).toBeNull();
  });

  it('work by keyboard alone and read well to a screen reader', async () => {
    const { page } = await open(harness.page('embeds', html()));
    await group(page, VIDEO_NAME).waitFor();
    expect(await group(page, VIDEO_NAME).ariaSnapshot()).toBe(
      [
        // YAML quotes names with a colon in them.
        `- 'group "${VIDEO_NAME}"':`,
        `  - paragraph: "${VIDEO_NAME}"`,
        '  - paragraph: This content is provided by YouTube. It may set Video and map cookies.',
        '  - button "Load this content"',
        '  - button "Accept Video and map cookies"',
      ].join('\n'),
    );
    const description = await group(page, VIDEO_NAME)
      .getByRole('button', { name: 'Load this content' })
      .evaluate((button) => document.getElementById(button.getAttribute('aria-describedby')!)?.textContent);
    expect(description).toBe(VIDEO_NAME);
    // The banner comes first in tab order; Tab on to the video's "Load this content", then Enter.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => [
        document.activeElement?.textContent,
        document.activeElement?.closest('[role=group]')?.getAttribute('aria-labelledby'),
      ]);
      if (focused[0] == 'Load this content') break;
    }
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('title'))).toBe(VIDEO_NAME);
    expect(await frameSource(page, VIDEO_NAME)).toBe(VIDEO_URL);
    // Once the video has loaded, the next Tab goes through it on to the map's placeholder, not back to the top.
    await expect.poll(() => page.frames().some((frame) => frame.url() == VIDEO_URL)).toBe(true);
    await page
      .frames()
      .find((frame) => frame.url() == VIDEO_URL)!
      .waitForLoadState();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.bc-placeholder')?.textContent)).toContain('Map of the depot');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`pass axe-core (WCAG 2.2 A/AA) in ${colorScheme} mode`, async () => {
      const { page } = await open(harness.page('embeds', html()), { colorScheme });
      await group(page, 'Map of the depot').waitFor();
      expect(await axeViolations(page, '.bc-placeholder')).toEqual([]);
    });
  }

  it('pass axe-core in forced colours, where their box and buttons keep a border (backgrounds are gone there)', async () => {
    const { page } = await open(harness.page('embeds', html()), { forcedColors: 'active' });
    await group(page, 'Map of the depot').waitFor();
    expect(await axeViolations(page, '.bc-placeholder')).toEqual([]);
    const borders = await page.evaluate(() =>
      [document.querySelector('.bc-placeholder-body')!, ...Array.from(document.querySelector('.bc-placeholder')!.querySelectorAll('button'))].map((element) => {
        const style = getComputedStyle(element);
        return `${element.textContent?.slice(0, 20)}: ${style.borderTopStyle} ${Number.parseFloat(style.borderTopWidth) >= 1}`;
      }),
    );
    expect(borders.slice(1)).toEqual(['Load this content: solid true', 'Accept Video and map: solid true']);
    expect(borders[0]).toMatch(/: solid true$/);
  });

  it('keep their look, size and contrast on a page with a hostile stylesheet', async () => {
    const hostile = `<style>
      * { font-size: 9px; color: #eee; line-height: 1; font-family: cursive; }
      div { display: flex; position: relative; padding: 0; }
      p { margin: 0; }
      button { all: unset; }
      [role=group] { display: none; }
    </style>`;
    const look = async (end: string) => {
      const { page } = await open(harness.page(end ? 'hostile' : 'plain', html({ end })));
      const video = group(page, VIDEO_NAME);
      await video.waitFor();
      return video.evaluate((root) =>
        [root, ...Array.from(root.querySelectorAll('*'))].map((element) => {
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return [
            element.tagName,
            style.display,
            style.fontSize,
            style.color,
            style.backgroundColor,
            style.padding,
            [box.width, box.height].map(Math.round).join('×'),
          ].join(' ');
        }),
      );
    };
    expect(await look(hostile)).toEqual(await look(''));
  });

  it('shift nothing, neither when they appear after the first paint nor when the content loads (CLS 0)', async () => {
    const context = await newContext({ viewport: { width: 1024, height: 900 } });
    await context.addInitScript(() => {
      const state = window as unknown as { shift: number };
      state.shift = 0;
      // Every shift, even those right after a click, which CLS itself forgives.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number }[]) state.shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // As on a real network, the placeholders arrive once the page has painted its blank frames.
    await context.route('**/biscuit-placeholders.js', async (route) => {
      await route
        .request()
        .frame()
        .page()
        .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 20_000 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await route.continue();
    });
    const layouts = [
      // An embed code pasted as it comes: an inline frame with width and height attributes.
      `<p>Inline: <br>${VIDEO}</p>`,
      // Responsive: the container's width, a 16:9 aspect ratio.
      `<iframe data-consent="marketing" data-src="${VIDEO_URL}?r" title="Responsive" style="display: block; width: 100%; aspect-ratio: 16 / 9; border: 0; margin: 0 0 24px"></iframe>`,
      // A map the width of the column, 450 px high.
      MAP,
      // The padding-top ratio wrapper many CMS themes use, the frame absolutely positioned in it.
      `<div style="position: relative; padding-top: 56.25%"><iframe data-consent="marketing" data-src="${VIDEO_URL}?w" title="Wrapped" style="position: absolute; top: 0; left: 0; width: 100%; height: 100%; border: 0"></iframe></div>`,
      // A centred block of a fixed size.
      `<iframe data-consent="marketing" data-src="${MAP_URL}&c" title="Centred" width="400" height="300" style="display: block; margin: 16px auto"></iframe>`,
      // A video with its width and height attributes.
      `<video data-consent="marketing" data-src="/stand-in.mp4" title="Clip" width="480" height="270" controls></video>`,
    ];
    const main = layouts.map((layout, i) => `${layout}<p class="marker">Marker ${i + 1}</p>`).join('');
    const { page } = await open(harness.page('shift', html({ main })), { context });
    const markers = () =>
      page.evaluate(() => Array.from(document.querySelectorAll('.marker'), (marker) => Math.round(marker.getBoundingClientRect().top + scrollY)));
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const painted = await markers();
    await page
      .locator('.bc-placeholder')
      .nth(layouts.length - 1)
      .waitFor();
    expect(await markers()).toEqual(painted);
    await group(page, VIDEO_NAME).getByRole('button', { name: 'Accept Video and map cookies' }).click();
    await page.locator('.bc-placeholder').first().waitFor({ state: 'detached' });
    expect(await markers()).toEqual(painted);
    const shift = await page.evaluate(async () => {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return (window as unknown as { shift: number }).shift;
    });
    expect(shift).toBe(0);
  });

  it('speak Welsh on a Welsh page', async () => {
    const { page } = await open(harness.page('cy', html({ lang: 'cy' })));
    const video = group(page, VIDEO_NAME);
    await video.waitFor();
    expect(await video.textContent()).toContain('Darperir y cynnwys hwn gan YouTube.');
    expect(await video.getByRole('button').allTextContents()).toEqual(['Llwytho’r cynnwys hwn', 'Derbyn Video and map cookies']);
  });

  it('never load a javascript: address, and say so on the console', async () => {
    const { page, errors } = await open(
      harness.page('hostile-url', html({ main: '<iframe data-consent="marketing" data-src="javascript:parent.hacked=1" title="Hostile"></iframe>' })),
    );
    const warnings: string[] = [];
    page.on('console', (message) => message.type() == 'warning' && warnings.push(message.text()));
    const placeholder = group(page, 'Hostile');
    await placeholder.getByRole('button', { name: 'Load this content' }).click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => [(window as unknown as { hacked?: number }).hacked, document.querySelector('iframe')!.getAttribute('src')])).toEqual([
      undefined,
      null,
    ]);
    expect(warnings.join('\n')).toMatch(/stays blocked.*javascript:/);
    expect(errors).toEqual([]);
  });
});
