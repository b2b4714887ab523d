// How the UI looks and lays out in real Chromium: on a page with a hostile
// stylesheet, at 320 px and 200% zoom, without shifting the page, without
// hiding the focused element (WCAG 2.2 2.4.11), and without motion for those
// who asked for none.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { useBrowser } from './support/harness';

const harness = useBrowser();

const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** `harness.open`, with the context closed after the test. */
async function open(path: string, options: Parameters<typeof harness.open>[1] = {}) {
  const opened = await harness.open(path, options);
  contexts.push(opened.context);
  return opened;
}

const SCRIPT = '<script src="/assets/biscuit-consent/biscuit.global.js"></script>';
const CONFIG = { cookiesPageUrl: '/cookies-page/', categories: { analytics: {}, marketing: {} } };

function html({ config = CONFIG as object, main = '<p>Text with <a href="/more">a link</a>.</p>', end = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page</title><script type="application/json" id="biscuit-config">${JSON.stringify(config)}</script>${SCRIPT}</head>
<body><header><a href="/">Home</a></header><main><h1>Page</h1>${main}</main>
<footer><a href="/cookies-page/" data-consent-open>Cookie settings</a></footer>${end}</body></html>`;
}

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Customise cookies' });

/**
 * What a CMS theme does to every page: tiny pale text, reset buttons, flex
 * divs, hidden native radios for custom ones, its own dialog and heading
 * styles, no focus outlines. At the end of <body>, so it comes after our
 * stylesheet and wins every tie.
 */
const HOSTILE = `<style>
  html { font-size: 62.5%; }
  *, *::before, *::after { box-sizing: content-box; }
  * { font-size: 9px; color: #eee; line-height: 1; letter-spacing: -0.05em; font-family: "Comic Sans MS", cursive; }
  body { margin: 0; background: #fff; }
  div { display: flex; position: relative; padding: 0; }
  p { margin: 0; line-height: 1; }
  h2 { font-size: 48px; text-transform: uppercase; margin: 2em 0; }
  button { all: unset; }
  button:focus, a:focus, input:focus, [tabindex]:focus { outline: none; }
  a:link, a:visited { color: #eee; text-decoration: none; }
  input[type="radio"] { display: none; appearance: none; }
  input[type="radio"] + span, label { display: block; float: left; }
  fieldset { border: 0; padding: 0; margin: 0; }
  dialog { position: absolute; top: 0; left: 0; max-width: 100px; padding: 0; border: 0; }
  dialog[open] { display: flex; }
  dialog::backdrop { background: transparent; }
</style>`;

/** Every element of the UI with the computed styles and box that make up its look. */
function fingerprint(locator: Locator) {
  return locator.evaluate((root) =>
    [root, ...Array.from(root.querySelectorAll('*'))].map((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const props = [
        'display',
        'position',
        'font-size',
        'font-family',
        'font-weight',
        'line-height',
        'letter-spacing',
        'text-transform',
        'color',
        'background-color',
      ];
      const more = ['padding', 'margin', 'border-width', 'border-color', 'box-sizing', 'visibility', 'opacity', 'appearance', 'float'];
      return [
        element.tagName,
        ...[...props, ...more].map((name) => `${name}:${style.getPropertyValue(name)}`),
        [box.x, box.y, box.width, box.height].map(Math.round).join(','),
      ].join(' ');
    }),
  );
}

/** The checks that matter to a visitor, in the page: text size and contrast, target size, visible radios. */
function measure(locator: Locator) {
  return locator.evaluate((root) => {
    const rgb = (colour: string) => colour.match(/[\d.]+/g)!.map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const linear = (value: number) => ((value /= 255) <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
    };
    const background = (element: Element | null): number[] => {
      for (; element; element = element.parentElement) {
        const colour = rgb(getComputedStyle(element).backgroundColor);
        if (colour[3] !== 0) return colour;
      }
      return [255, 255, 255];
    };
    const contrast = (element: Element) => {
      const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background(element))];
      return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
    };
    const texts = Array.from(root.querySelectorAll('p, legend, label, button, a, h2'));
    const targets = Array.from(root.querySelectorAll<HTMLElement>('button, label, input'));
    return {
      smallestText: Math.min(...texts.map((element) => parseFloat(getComputedStyle(element).fontSize))),
      lowestContrast: Math.min(...texts.map(contrast)),
      smallestTarget: Math.min(...targets.flatMap((element) => [element.getBoundingClientRect().width, element.getBoundingClientRect().height])),
      unpaddedButtons: Array.from(root.querySelectorAll('button')).filter(
        (button) => parseFloat(getComputedStyle(button).paddingLeft) < 8 || parseFloat(getComputedStyle(button).paddingTop) < 4,
      ).length,
      hiddenRadios: Array.from(root.querySelectorAll('input')).filter((input) => !input.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        .length,
    };
  });
}

describe('a page with a hostile stylesheet', () => {
  // The UI takes the page's typeface (it inherits font-family from <body>, here
  // the hostile Comic Sans), and nothing else: compare with a plain page in the
  // same typeface.
  const plain = () => harness.page('plain', html({ end: '<style>body { font-family: "Comic Sans MS", cursive; }</style>' }));
  const hostile = () => harness.page('hostile', html({ end: HOSTILE }));

  it('the host CSS does reach the page (so the comparisons below mean something)', async () => {
    const { page } = await open(hostile());
    await banner(page).waitFor();
    expect(await page.getByRole('link', { name: 'Home' }).evaluate((link) => getComputedStyle(link).fontSize)).toBe('9px');
    expect(await page.locator('main').evaluate((main) => getComputedStyle(main.parentElement!.querySelector('header')!).boxSizing)).toBe('content-box');
  });

  it('leaves the banner looking exactly as on a plain page, readable, with targets of at least 24×24 px', async () => {
    const [a, b] = [await open(plain()), await open(hostile())];
    await banner(a.page).waitFor();
    await banner(b.page).waitFor();
    // Wait for the slide-in to end, so boxes compare at rest.
    for (const { page } of [a, b]) await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
    expect(await fingerprint(banner(b.page))).toEqual(await fingerprint(banner(a.page)));
    expect(await measure(banner(b.page))).toEqual({
      smallestText: 16,
      lowestContrast: expect.any(Number),
      smallestTarget: expect.any(Number),
      unpaddedButtons: 0,
      hiddenRadios: 0,
    });
    const { lowestContrast, smallestTarget } = await measure(banner(b.page));
    expect(lowestContrast).toBeGreaterThanOrEqual(4.5);
    expect(smallestTarget).toBeGreaterThanOrEqual(24);
    expect(await axeViolations(b.page, '.bc')).toEqual([]);
  });

  it('leaves the dialog looking exactly as on a plain page, with visible radios', async () => {
    const [a, b] = [await open(plain()), await open(hostile())];
    for (const { page } of [a, b]) {
      await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
      await dialog(page).waitFor();
    }
    expect(await fingerprint(dialog(b.page))).toEqual(await fingerprint(dialog(a.page)));
    const measured = await measure(dialog(b.page));
    expect(measured).toMatchObject({ smallestText: 16, unpaddedButtons: 0, hiddenRadios: 0 });
    expect(measured.lowestContrast).toBeGreaterThanOrEqual(4.5);
    expect(measured.smallestTarget).toBeGreaterThanOrEqual(24);
    expect(await axeViolations(b.page, '.bc')).toEqual([]);
  });

  it('still works: the radios take a click, the choice saves, and the focus indicator shows', async () => {
    const { page, errors } = await open(hostile());
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    await dialog(page).getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'Yes' }).click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const save = dialog(page).getByRole('button', { name: 'Save cookie preferences' });
    expect(await save.evaluate((button) => button == document.activeElement && getComputedStyle(button).backgroundColor)).toBe('rgb(255, 221, 0)');
    await page.keyboard.press('Enter');
    await banner(page).getByText('Your cookie preferences have been saved.').waitFor();
    expect(await page.evaluate(() => (window as unknown as { Biscuit: { get(): { categories: object } } }).Biscuit.get().categories)).toEqual({
      essential: true,
      analytics: true,
      marketing: false,
    });
    expect(errors).toEqual([]);
  });

  it('keeps the cookies-page form readable and working inside the hostile page', async () => {
    const path = harness.page('hostile-cookies-page', html({ main: '<h2>Change your cookie settings</h2><div data-consent-preferences></div>', end: HOSTILE }));
    const { page } = await open(path);
    const form = page.getByRole('main');
    await form.getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'Yes' }).click();
    const measured = await measure(page.locator('[data-consent-preferences] .bc'));
    expect(measured).toMatchObject({ smallestText: 16, unpaddedButtons: 0, hiddenRadios: 0 });
    expect(measured.lowestContrast).toBeGreaterThanOrEqual(4.5);
    await form.getByRole('button', { name: 'Save cookie preferences' }).click();
    await form.getByRole('status').getByText('Your cookie preferences have been saved.').waitFor();
  });
});

describe('the page’s own typeface', () => {
  /** The font family of every text of the banner and the dialog (or the cookies-page form) on `path`. */
  async function typefaces(path: string, withDialog = true) {
    const { page } = await open(path);
    await banner(page).waitFor();
    const families = (locator: Locator) =>
      locator.evaluate((root) => [
        ...new Set(Array.from(root.querySelectorAll('p, button, a, legend, label, h2')).map((element) => getComputedStyle(element).fontFamily)),
      ]);
    const inBanner = await families(banner(page));
    if (!withDialog) return { banner: inBanner };
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    return { banner: inBanner, dialog: await families(dialog(page)) };
  }

  it('is the UI’s, from <body>, in the banner and the dialog alike', async () => {
    const path = harness.page('page-font', html({ end: '<style>body { font-family: Georgia, "Times New Roman", serif; }</style>' }));
    expect(await typefaces(path)).toEqual({ banner: ['Georgia, "Times New Roman", serif'], dialog: ['Georgia, "Times New Roman", serif'] });
  });

  it('is the cookies-page form’s, from the element the form sits in', async () => {
    const main = '<section style="font-family: Verdana, sans-serif"><div data-consent-preferences></div></section>';
    const { page } = await open(harness.page('form-font', html({ main })));
    const form = page.locator('[data-consent-preferences] .bc');
    await form.getByRole('button', { name: 'Save cookie preferences' }).waitFor();
    expect(
      await form.evaluate((root) => [
        ...new Set(Array.from(root.querySelectorAll('p, button, legend, label')).map((element) => getComputedStyle(element).fontFamily)),
      ]),
    ).toEqual(['Verdana, sans-serif']);
  });

  it('gives way to --bc-font, which still sets the UI’s own', async () => {
    const path = harness.page('theme-font', html({ end: '<style>body { font-family: Georgia, serif; } :root { --bc-font: Arial, sans-serif; }</style>' }));
    expect(await typefaces(path)).toEqual({ banner: ['Arial, sans-serif'], dialog: ['Arial, sans-serif'] });
  });
});

describe('reflow at 320 px and at 200% zoom', () => {
  // 320 CSS px is a phone, or 1280 px at 400% zoom; 640×360 is 1280×720 at 200% zoom.
  const VIEWPORTS: [string, { width: number; height: number }][] = [
    ['320 px wide', { width: 320, height: 640 }],
    ['200% zoom', { width: 640, height: 360 }],
    ['400% zoom', { width: 320, height: 180 }],
  ];

  /** Where focus is, and whether all of it shows, clear of anything on top, inside `container`'s visible box and the viewport. */
  function focusShows(page: Page, container: string) {
    return page.evaluate((container) => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      const frame = document.querySelector(container)!.getBoundingClientRect();
      const inside = (outer: { top: number; left: number; bottom: number; right: number }) =>
        box.top >= outer.top - 0.5 && box.left >= outer.left - 0.5 && box.bottom <= outer.bottom + 0.5 && box.right <= outer.right + 0.5;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const name = element.tagName == 'INPUT' ? `${(element as HTMLInputElement).name} ${element.parentElement!.textContent}` : element.textContent;
      return `${name}: ${inside(frame) && inside({ top: 0, left: 0, bottom: innerHeight, right: innerWidth }) && !!hit && (hit == element || element.contains(hit) || hit.contains(element))}`;
    }, container);
  }

  const noHorizontalScrolling = (page: Page) =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth <= innerWidth,
      // A cookie table's box scrolls sideways by design (tested below), and a visually hidden caption clips its text.
      ui: Array.from(document.querySelectorAll('.bc *'))
        .filter((element) => element.scrollWidth > element.clientWidth + 1 && !element.matches('.bc-table, .bc-hidden'))
        .map((element) => element.className || element.tagName),
    }));

  describe.each(VIEWPORTS)('%s', (_, viewport) => {
    it('the banner fits the width, and Tab brings its link and each of its buttons fully into view', async () => {
      const { page } = await open(harness.page('reflow', html()), { viewport });
      await banner(page).waitFor();
      // Once it has slid in.
      await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
      expect(await noHorizontalScrolling(page)).toEqual({ page: true, ui: [] });
      const seen = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        seen.push(await focusShows(page, '.bc-banner'));
      }
      expect(seen).toEqual(['Cookies notice: true', 'Accept additional cookies: true', 'Reject additional cookies: true', 'Customise cookies: true']);

      // Back to Accept: the confirmation fits too, and its focused message shows.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await banner(page).getByRole('status').waitFor();
      expect(await noHorizontalScrolling(page)).toEqual({ page: true, ui: [] });
      expect(await focusShows(page, '.bc-banner')).toMatch(/: true$/);
    });

    it('the dialog fits the width and the height, scrolls inside itself, and Tab brings each control into view', async () => {
      const { page } = await open(harness.page('reflow', html()), { viewport });
      await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
      await dialog(page).waitFor();
      expect(await noHorizontalScrolling(page)).toEqual({ page: true, ui: [] });
      const box = (await dialog(page).boundingBox())!;
      expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height).toBe(true);
      expect(await dialog(page).evaluate((element) => element.scrollHeight > element.clientHeight && getComputedStyle(element).overflowY)).toBe('auto');

      const seen = [];
      for (let i = 0; i < 7; i++) {
        await page.keyboard.press('Tab');
        seen.push(await focusShows(page, 'dialog'));
      }
      expect(seen).toEqual([
        'Close: true',
        // The essential category's cookie table, closed.
        'Cookies used (1): true',
        'analytics No: true',
        'marketing No: true',
        'Save cookie preferences: true',
        'Accept additional cookies: true',
        'Reject additional cookies: true',
      ]);
    });
  });
});

describe('a cookie table at 320 px and at 400% zoom', () => {
  const WIDE = {
    categories: {
      analytics: {
        cookies: [
          {
            name: 'ytidb::LAST_RESULT_ENTRY_KEY',
            storage: 'localStorage',
            provider: 'YouTube',
            purpose: 'Remembers the state of the video player between visits',
            expires: 'Until deleted',
          },
          { name: '_ga', provider: 'Google Analytics', purpose: 'Tells visitors apart, so Google Analytics can count them', expires: '2 years' },
        ],
      },
    },
  };

  it.each([
    ['320 px wide', { width: 320, height: 640 }],
    ['400% zoom', { width: 320, height: 180 }],
  ])('%s: scrolls sideways inside its own box, never the page or the dialog, and the keyboard scrolls it', async (_, viewport) => {
    const { page } = await open(harness.page('table-reflow', html({ config: WIDE })), { viewport });
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    const analytics = dialog(page).getByRole('group', { name: 'Analytics cookies' });
    await analytics.getByText('Cookies used (2)').click();
    const region = analytics.getByRole('region', { name: 'Analytics cookies' });
    await region.getByRole('table').waitFor();
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth <= innerWidth,
      dialog: document.querySelector('dialog')!.scrollWidth <= document.querySelector('dialog')!.clientWidth + 1,
    }));
    expect(overflow).toEqual({ page: true, dialog: true });
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('layout shift', () => {
  /** Cumulative layout shift from navigation until the banner has arrived and finished moving, with the UI arriving after the first paint. */
  async function cumulativeLayoutShift(config: object, viewport = { width: 1280, height: 720 }) {
    const context = await harness.browser.newContext({ viewport });
    contexts.push(context);
    await context.addInitScript(() => {
      const state = window as unknown as { shift: number };
      state.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) state.shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // As on a real network, the UI arrives once the page has painted.
    await context.route('**/biscuit-banner.js', async (route) => {
      await route
        .request()
        .frame()
        .page()
        .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 20_000 });
      await route.continue();
    });
    const paragraphs = Array.from(
      { length: 12 },
      (_, i) => `<p>Paragraph ${i + 1} of the page, long enough to fill a line or two of the viewport on a phone and on a desktop.</p>`,
    ).join('');
    const { page } = await open(harness.page('shift', html({ config: { ...CONFIG, ...config }, main: paragraphs })), { context });
    await banner(page).waitFor();
    return page.evaluate(async () => {
      await Promise.all(document.getAnimations().map((animation) => animation.finished));
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return (window as unknown as { shift: number }).shift;
    });
  }

  it('is 0.00 with the default fixed banner, on a desktop and on a phone', async () => {
    expect(await cumulativeLayoutShift({})).toBe(0);
    expect(await cumulativeLayoutShift({}, { width: 320, height: 640 })).toBe(0);
  });

  it('is measured: the in-flow banner, meant for sites that render it early, does shift a painted page', async () => {
    expect(await cumulativeLayoutShift({ bannerLayout: 'inline' })).toBeGreaterThan(0.05);
  });
});

describe('focus not obscured (WCAG 2.2 2.4.11)', () => {
  const links = Array.from(
    { length: 40 },
    (_, i) => `<p>Section ${i + 1}: read <a href="/s${i + 1}">more about section ${i + 1}</a> or <a href="/d${i + 1}">download it</a>.</p>`,
  ).join('');

  /** The page links that were under the banner when Tab reached them. */
  async function hiddenWhenFocused(viewport: { width: number; height: number }, end = '') {
    const { page } = await open(harness.page('long', html({ main: links, end })), { viewport });
    await banner(page).waitFor();
    const count = await page.evaluate(() => document.querySelectorAll('a, button').length);
    const hidden: string[] = [];
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const element = document.activeElement!;
        const box = element.getBoundingClientRect();
        const cover = document.querySelector('.bc-banner')!.getBoundingClientRect();
        return { name: element.textContent, inBanner: !!element.closest('.bc-banner'), clear: box.bottom <= cover.top + 0.5 && box.top >= 0 };
      });
      if (!where.inBanner && !where.clear) hidden.push(where.name!);
    }
    // It did get to the end of the page.
    expect(await page.evaluate(() => document.activeElement!.textContent)).toBe('Cookie settings');
    return hidden;
  }

  it.each([
    ['on a desktop', { width: 1024, height: 600 }],
    ['on a phone', { width: 320, height: 640 }],
    ['at 400% zoom', { width: 320, height: 180 }],
  ])(
    'Tab through a long page %s never leaves the focused element under the fixed banner',
    async (_, viewport) => {
      expect(await hiddenWhenFocused(viewport)).toEqual([]);
    },
    120_000,
  );

  it('is measured: without the scroll padding the banner gives the page, links end up under it', async () => {
    const hidden = await hiddenWhenFocused({ width: 1024, height: 600 }, '<style>html { scroll-padding-bottom: 0 !important }</style>');
    expect(hidden.length).toBeGreaterThan(5);
  }, 120_000);
});

describe('reduced motion', () => {
  const motion = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('.bc, .bc *'))
        .map((element) => getComputedStyle(element))
        .filter((style) => style.animationName != 'none' || style.transitionDuration.split(', ').some((duration) => duration != '0s'))
        .map((style) => `${style.animationName} ${style.animationDuration} ${style.transitionDuration}`),
    );

  it('moves nothing, whatever the visitor prefers', async () => {
    const plain = await open(harness.page('motion', html()));
    await banner(plain.page).waitFor();
    expect(await motion(plain.page)).toEqual([]);

    const still = await open(harness.page('motion', html()), { reducedMotion: 'reduce' });
    await banner(still.page).waitFor();
    expect(await motion(still.page)).toEqual([]);
    await banner(still.page).getByRole('button', { name: 'Customise cookies' }).click();
    await dialog(still.page).waitFor();
    expect(await motion(still.page)).toEqual([]);
  });
});
