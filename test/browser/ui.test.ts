// The visitor's UI in real Chromium: the banner, the "Customise cookies" dialog
// and their messages, what each choice does to `window.Biscuit` and the consent
// cookie, a browser that refuses cookies, and other languages.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/harness';

const harness = useBrowser();

const SCRIPT = '<script src="/assets/biscuit-consent/biscuit.global.js"></script>';
const CONFIG = { cookiesPageUrl: '/cookies-page/', categories: { analytics: {}, marketing: {} } };
// One blocked script per category, each counting its runs.
const BLOCKED = ['analytics', 'marketing']
  .map((name) => `<script type="text/plain" data-consent="${name}">window.runs = window.runs || {}; runs.${name} = (runs.${name} || 0) + 1</script>`)
  .join('');

function html({ lang = 'en', dir = '', config = CONFIG as object, body = '' } = {}) {
  return `<!doctype html><html lang="${lang}"${dir && ` dir="${dir}"`}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page</title><script type="application/json" id="biscuit-config">${JSON.stringify(config)}</script>${SCRIPT}</head>
<body><header><a href="/">Home</a></header><main><h1>Page</h1><p>Text with <a href="/more">a link</a>.</p>${body}</main>
<footer><a href="/cookies-page/" data-consent-open>Cookie settings</a></footer>${BLOCKED}</body></html>`;
}

interface Record {
  decided: boolean;
  categories: { [name: string]: boolean };
  source: string | null;
}

const record = (page: Page) => page.evaluate(() => (window as unknown as { Biscuit: { get(): Record } }).Biscuit.get());
const allowed = (page: Page, name: string) =>
  page.evaluate((name) => (window as unknown as { Biscuit: { allowed(name: string): boolean } }).Biscuit.allowed(name), name);
const runs = (page: Page) => page.evaluate(() => (window as { runs?: object }).runs ?? {});
const consentCookie = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name == 'biscuit_consent');
const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Customise cookies' });
const group = (page: Page, name: string) => dialog(page).getByRole('group', { name });

describe('choosing in the banner and the dialog', () => {
  it('shows the banner on a first visit, with the default wording', async () => {
    const { page, errors } = await harness.open(harness.page('first', html()));
    await banner(page).waitFor();
    expect(await banner(page).innerText()).toContain('We use some essential cookies to make our website work. We’d like to set additional cookies');
    expect(await banner(page).getByRole('button').allInnerTexts()).toEqual(['Accept additional cookies', 'Reject additional cookies', 'Customise cookies']);
    expect(await record(page)).toMatchObject({ decided: false, categories: { essential: true, analytics: false, marketing: false } });
    expect(await consentCookie(page.context())).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('accepts: every category granted, the cookie written, the scripts run, then a confirmation that hides', async () => {
    const { page, context, errors } = await harness.open(harness.page('accept', html()));
    await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
    const confirmation = banner(page).getByRole('status');
    await expect.poll(() => confirmation.innerText()).toBe('You’ve accepted additional cookies. You can change your cookie settings at any time.');
    expect(await confirmation.getByRole('link', { name: 'change your cookie settings' }).getAttribute('href')).toBe('/cookies-page/');
    expect(await record(page)).toMatchObject({ decided: true, categories: { essential: true, analytics: true, marketing: true }, source: 'banner' });
    expect((await consentCookie(context))?.value).toMatch(/^2\.0\.\d+\.b\.analytics=1&marketing=1\.[\da-f]{32}$/);
    await expect.poll(() => runs(page)).toEqual({ analytics: 1, marketing: 1 });

    await banner(page).getByRole('button', { name: 'Hide cookie message' }).click();
    await banner(page).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('rejects: nothing optional granted, the cookie says so, nothing blocked runs', async () => {
    const { page, context, errors } = await harness.open(harness.page('reject', html()));
    await banner(page).getByRole('button', { name: 'Reject additional cookies' }).click();
    await expect
      .poll(() => banner(page).getByRole('status').innerText())
      .toBe('You’ve rejected additional cookies. You can change your cookie settings at any time.');
    expect(await record(page)).toMatchObject({ decided: true, categories: { essential: true, analytics: false, marketing: false }, source: 'banner' });
    expect((await consentCookie(context))?.value).toMatch(/^2\.0\.\d+\.b\.analytics=0&marketing=0\.[\da-f]{32}$/);
    expect(await runs(page)).toEqual({});
    expect(errors).toEqual([]);
  });

  it('customises: the dialog starts at No, saves one category, closes and confirms in the banner', async () => {
    const { page, context, errors } = await harness.open(harness.page('customise', html()));
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    await dialog(page).waitFor();
    expect(await dialog(page).getByRole('group', { name: 'Essential cookies' }).getByRole('radio').count()).toBe(0);
    for (const name of ['Analytics cookies', 'Marketing cookies']) {
      expect(await group(page, name).getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
      expect(await group(page, name).getByRole('radio', { name: 'Yes' }).isChecked()).toBe(false);
    }
    await group(page, 'Analytics cookies').getByRole('radio', { name: 'Yes' }).check();
    // Choosing is not saving.
    expect(await allowed(page, 'analytics')).toBe(false);
    await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();
    await dialog(page).waitFor({ state: 'detached' });

    const saved = banner(page).getByRole('status');
    await expect
      .poll(() => saved.innerText())
      .toBe('Your cookie preferences have been saved. You can update your cookie settings at any time on the cookies page.');
    expect(await saved.getByRole('link', { name: 'cookies page' }).getAttribute('href')).toBe('/cookies-page/');
    expect(await record(page)).toMatchObject({ decided: true, categories: { essential: true, analytics: true, marketing: false }, source: 'panel' });
    expect((await consentCookie(context))?.value).toMatch(/^2\.0\.\d+\.p\.analytics=1&marketing=0\.[\da-f]{32}$/);
    await expect.poll(() => runs(page)).toEqual({ analytics: 1 });

    // Reopened from the footer, the dialog shows the saved choice; withdrawing it is as easy.
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    expect(await group(page, 'Analytics cookies').getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    await dialog(page).getByRole('button', { name: 'Reject additional cookies' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await expect.poll(async () => (await consentCookie(context))?.value).toMatch(/^2\.0\.\d+\.p\.analytics=0&marketing=0\./);
    expect(await allowed(page, 'analytics')).toBe(false);
    expect(page.url()).toBe(harness.origin + '/t/customise');
    expect(errors).toEqual([]);
  });

  it('closing the dialog is not a decision: the banner still asks, and nothing is stored', async () => {
    const { page, context } = await harness.open(harness.page('close', html()));
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    await group(page, 'Analytics cookies').getByRole('radio', { name: 'Yes' }).check();
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    expect(await banner(page).getByRole('button', { name: 'Accept additional cookies' }).isVisible()).toBe(true);
    expect(await record(page)).toMatchObject({ decided: false });
    expect(await consentCookie(context)).toBeUndefined();
  });

  it('puts the dialog above everything the page has, a click beside it reaches neither the page nor focus, and the page goes inert', async () => {
    // A page layer with the highest z-index, added after ours, and a page button under where the overlay will be.
    const body = `<button type="button" onclick="window.pageClicks = (window.pageClicks || 0) + 1" style="position: fixed; top: 0; left: 0; width: 100vw; height: 40px">Page button</button>
<div style="position: fixed; inset: 0 0 auto auto; width: 50vw; height: 100vh; z-index: 2147483647; background: #fc0"></div>`;
    const { page } = await harness.open(harness.page('top-layer', html({ body })));
    // The page's layer covers part of the banner (which is not in the top layer): the keyboard reaches it.
    await banner(page).getByRole('button', { name: 'Customise cookies' }).focus();
    await page.keyboard.press('Enter');
    const close = dialog(page).getByRole('button', { name: 'Close' });
    await close.focus();
    // Close sits on the right, under the page's top layer if the dialog were not above it.
    const { x, y, width, height } = (await close.boundingBox())!;
    const centre = { x: x + width / 2, y: y + height / 2 };
    expect(await page.evaluate((point) => document.elementFromPoint(point.x, point.y)?.textContent, centre)).toBe('Close');
    // The page button spans the top of the viewport, above the dialog.
    await page.mouse.click(5, 5);
    expect(await page.evaluate(() => (window as { pageClicks?: number }).pageClicks)).toBeUndefined();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    // Once it is on screen the page is inert, for screen readers too, and it is given back on closing.
    const mainInert = () => page.evaluate(() => document.querySelector('main')!.inert);
    await expect.poll(mainInert).toBe(true);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await mainInert()).toBe(false);
  });

  it('opens usable from inside the page’s own modal dialog (a menu opened with showModal()), and gives focus back there', async () => {
    const body = `<dialog id="menu" aria-label="Menu"><a href="/cookies-page/" data-consent-open>Cookie preferences</a> <button type="button">Close menu</button></dialog>
<button type="button" onclick="document.getElementById('menu').showModal()">Menu</button>`;
    const { page } = await harness.open(harness.page('page-modal', html({ body })));
    await banner(page).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    const link = page.getByRole('dialog', { name: 'Menu' }).getByRole('link', { name: 'Cookie preferences' });
    await link.click();
    await dialog(page).waitFor();
    // Usable by pointer and keyboard, though the page's modal makes everything outside it inert.
    await group(page, 'Analytics cookies').getByRole('radio', { name: 'Yes' }).check();
    expect(await group(page, 'Analytics cookies').getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await dialog(page).evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cookie preferences');
    expect(await page.evaluate(() => (document.getElementById('menu') as HTMLDialogElement).open)).toBe(true);
  });

  it('closes on the browser’s close request (Android’s back gesture), which a popover does not get by itself', async () => {
    const { page } = await harness.open(harness.page('close-request', html()));
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    await dialog(page).waitFor();
    // Headless Chromium has no back gesture; Escape with focus outside the dialog is the same close request.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await record(page)).toMatchObject({ decided: false });
  });
});

describe('a returning visitor', () => {
  it('is asked again when the site changes its revision, with the dialog starting from the earlier answers', async () => {
    const first = await harness.open(harness.page('revision-0', html()));
    await banner(first.page).getByRole('button', { name: 'Customise cookies' }).click();
    await group(first.page, 'Marketing cookies').getByRole('radio', { name: 'Yes' }).check();
    await dialog(first.page).getByRole('button', { name: 'Save cookie preferences' }).click();
    await banner(first.page).getByRole('status').waitFor();

    // The same config: no banner.
    const same = await harness.open(harness.page('revision-0', html()), { context: first.context });
    await same.page.waitForFunction(() => (window as { runs?: { marketing?: number } }).runs?.marketing === 1);
    expect(await banner(same.page).count()).toBe(0);

    const { page } = await harness.open(harness.page('revision-1', html({ config: { ...CONFIG, revision: 1 } })), { context: first.context });
    await banner(page).waitFor();
    expect(await record(page)).toMatchObject({ decided: false, categories: { marketing: false } });
    expect(await runs(page)).toEqual({});
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    expect(await group(page, 'Marketing cookies').getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    expect(await group(page, 'Analytics cookies').getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();
    await expect.poll(async () => (await consentCookie(first.context))?.value).toMatch(/^2\.1\.\d+\.p\.analytics=0&marketing=1\./);
  });
});

describe('a browser that refuses cookies', () => {
  const ERROR = 'Sorry, there was a technical problem. Please try again.';

  /** Opens `path` in a page whose document cookies are turned off before it loads; `cookies(bool)` turns them on and off. */
  async function openWithoutCookies(path: string) {
    const opened = await harness.open(harness.page('blank', '<!doctype html><title>Blank</title>'));
    const cdp = await opened.context.newCDPSession(opened.page);
    const cookies = (enabled: boolean) => cdp.send('Emulation.setDocumentCookieDisabled', { disabled: !enabled });
    await cookies(false);
    await opened.page.goto(harness.origin + path);
    expect(
      await opened.page.evaluate(() => {
        if (!navigator.cookieEnabled) return false;
        document.cookie = 'probe=1';
        return document.cookie;
      }),
    ).toBeFalsy();
    return { ...opened, cookies };
  }

  it('says so in the banner as an alert, applies the acceptance to this page, and a retry works once cookies are back', async () => {
    const { page, context, cookies } = await openWithoutCookies(harness.page('no-cookies-accept', html()));
    await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
    const alert = banner(page).getByRole('alert');
    await expect.poll(() => alert.innerText()).toBe(ERROR);
    // The question is still asked, so the visitor can try again.
    expect(await banner(page).getByRole('button', { name: 'Accept additional cookies' }).isVisible()).toBe(true);
    expect(await allowed(page, 'analytics')).toBe(true);
    await expect.poll(() => runs(page)).toEqual({ analytics: 1, marketing: 1 });
    expect(await consentCookie(context)).toBeUndefined();

    await cookies(true);
    await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
    await expect.poll(() => banner(page).getByRole('status').innerText()).toMatch(/^You’ve accepted additional cookies\./);
    expect(await banner(page).getByRole('alert').count()).toBe(0);
    expect((await consentCookie(context))?.value).toMatch(/^2\.0\.\d+\.b\.analytics=1&marketing=1\./);
    // Nothing ran twice.
    expect(await runs(page)).toEqual({ analytics: 1, marketing: 1 });
  });

  it('applies a rejection to this page: nothing refused runs', async () => {
    const { page } = await openWithoutCookies(harness.page('no-cookies-reject', html()));
    await banner(page).getByRole('button', { name: 'Reject additional cookies' }).click();
    await expect.poll(() => banner(page).getByRole('alert').innerText()).toBe(ERROR);
    expect(await record(page)).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } });
    expect(await allowed(page, 'analytics')).toBe(false);
    expect(await runs(page)).toEqual({});
  });

  it('keeps the dialog open with the choices intact, runs only what was granted, and saves on a retry', async () => {
    const { page, context, cookies } = await openWithoutCookies(harness.page('no-cookies-panel', html()));
    await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
    await group(page, 'Analytics cookies').getByRole('radio', { name: 'Yes' }).check();
    await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();

    const alert = dialog(page).getByRole('alert');
    await expect.poll(() => alert.innerText()).toBe(ERROR);
    // Focus goes to the message, inside the dialog.
    expect(await alert.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    expect(await group(page, 'Analytics cookies').getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    expect(await group(page, 'Marketing cookies').getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    expect(await record(page)).toMatchObject({ decided: true, categories: { analytics: true, marketing: false } });
    await expect.poll(() => runs(page)).toEqual({ analytics: 1 });

    // A further change of mind, still without cookies, also stays on screen.
    await group(page, 'Marketing cookies').getByRole('radio', { name: 'Yes' }).check();
    await group(page, 'Analytics cookies').getByRole('radio', { name: 'No' }).check();
    await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();
    await expect.poll(() => record(page)).toMatchObject({ categories: { analytics: false, marketing: true } });
    expect(await alert.innerText()).toBe(ERROR);
    expect(await group(page, 'Analytics cookies').getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    expect(await group(page, 'Marketing cookies').getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);

    await cookies(true);
    await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await expect.poll(() => banner(page).getByRole('status').innerText()).toMatch(/^Your cookie preferences have been saved\./);
    expect((await consentCookie(context))?.value).toMatch(/^2\.0\.\d+\.p\.analytics=0&marketing=1\./);
  });

  it('shows the error on the cookies page form, at its top', async () => {
    const { page, cookies } = await openWithoutCookies('/cookies-page/');
    const form = page.getByRole('main');
    await form.getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'Yes' }).check();
    await form.getByRole('button', { name: 'Save cookie preferences' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toBe(ERROR);
    expect(await form.getByRole('group', { name: 'Analytics cookies' }).getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    await cookies(true);
    await form.getByRole('button', { name: 'Save cookie preferences' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Your cookie preferences have been saved.');
    expect(await form.getByRole('alert').count()).toBe(0);
  });
});

describe('languages', () => {
  it('speaks Welsh on a Welsh page, without repeating the page language on the banner', async () => {
    const { page, errors } = await harness.open(harness.page('welsh', html({ lang: 'cy' })));
    const welsh = page.getByRole('region', { name: 'Cwcis ar y wefan hon' });
    await welsh.waitFor();
    expect(await welsh.getByRole('button').allInnerTexts()).toEqual(['Derbyn cwcis ychwanegol', 'Gwrthod cwcis ychwanegol', 'Addasu cwcis']);
    expect(await page.evaluate(() => document.querySelector('.bc')!.getAttribute('lang'))).toBeNull();
    await welsh.getByRole('button', { name: 'Addasu cwcis' }).click();
    // The dialog's code may still be on its way: wait for it, then look.
    const save = page.getByRole('dialog', { name: 'Addasu cwcis' }).getByRole('button', { name: 'Cadw dewisiadau cwcis' });
    await save.waitFor();
    expect(await save.isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('marks the banner as Welsh on an English page configured for Welsh, and as English where there is no translation', async () => {
    const welsh = await harness.open(harness.page('welsh-config', html({ config: { ...CONFIG, lang: 'cy' } })));
    await welsh.page.getByRole('region', { name: 'Cwcis ar y wefan hon' }).waitFor();
    expect(
      await welsh.page.evaluate(() => ({ lang: document.querySelector('.bc')!.getAttribute('lang'), dir: document.querySelector('.bc')!.getAttribute('dir') })),
    ).toEqual({
      lang: 'cy',
      dir: 'ltr',
    });

    const french = await harness.open(harness.page('french', html({ lang: 'fr' })));
    await banner(french.page).waitFor();
    expect(await french.page.evaluate(() => document.querySelector('.bc')!.getAttribute('lang'))).toBe('en');
  });

  const ARABIC = {
    bannerLabel: 'ملفات تعريف الارتباط على هذا الموقع',
    body: 'نستخدم بعض ملفات تعريف الارتباط الأساسية لكي يعمل موقعنا.',
    hint: 'يمكنك إدارة تفضيلاتك في أي وقت.',
    accept: 'قبول ملفات تعريف الارتباط الإضافية',
    reject: 'رفض ملفات تعريف الارتباط الإضافية',
    customise: 'تخصيص ملفات تعريف الارتباط',
  };

  it('lays out right to left on a right-to-left page, with the site’s texts', async () => {
    const config = { ...CONFIG, texts: { ar: ARABIC } };
    const { page, errors } = await harness.open(harness.page('arabic', html({ lang: 'ar', dir: 'rtl', config })));
    const region = page.getByRole('region', { name: ARABIC.bannerLabel });
    await region.waitFor();
    const layout = await region.evaluate((element) => {
      const inner = element.querySelector('.bc-inner')!;
      const box = inner.getBoundingClientRect();
      const style = getComputedStyle(inner);
      const buttons = Array.from(element.querySelectorAll('button'), (button) => button.getBoundingClientRect());
      return {
        direction: style.direction,
        // The first button starts at the right edge of the content box.
        firstFromRight: Math.round(box.right - parseFloat(style.paddingRight) - buttons[0]!.right),
        firstRightOfSecond: buttons[0]!.left > buttons[1]!.left,
      };
    });
    expect(layout).toMatchObject({ direction: 'rtl', firstFromRight: 0, firstRightOfSecond: true });
    expect(await region.getByRole('button').allInnerTexts()).toEqual([ARABIC.accept, ARABIC.reject, ARABIC.customise]);
    // The root inherits lang and dir from the page rather than repeating them.
    expect(await page.evaluate(() => document.querySelector('.bc')!.getAttribute('dir'))).toBeNull();
    expect(errors).toEqual([]);
  });

  it('gives a right-to-left banner its own dir on a left-to-right page', async () => {
    const config = { ...CONFIG, lang: 'ar', texts: { ar: ARABIC } };
    const { page } = await harness.open(harness.page('arabic-on-english', html({ config })));
    const region = page.getByRole('region', { name: ARABIC.bannerLabel });
    await region.waitFor();
    expect(
      await page.evaluate(() => ({ lang: document.querySelector('.bc')!.getAttribute('lang'), dir: document.querySelector('.bc')!.getAttribute('dir') })),
    ).toEqual({
      lang: 'ar',
      dir: 'rtl',
    });
    const [accept, reject] = await Promise.all([
      region.getByRole('button', { name: ARABIC.accept }).boundingBox(),
      region.getByRole('button', { name: ARABIC.reject }).boundingBox(),
    ]);
    expect(accept!.x).toBeGreaterThan(reject!.x);
  });
});
