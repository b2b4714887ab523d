// Every flow of the banner and the "Customise cookies" dialog with the keyboard
// alone, in real Chromium: no mouse click anywhere in this file.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/harness';

const harness = useBrowser();

const CONFIG = { cookiesPageUrl: '/cookies-page/', categories: { analytics: {}, marketing: {} } };
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>
<script type="application/json" id="biscuit-config">${JSON.stringify(CONFIG)}</script>
<script src="/assets/biscuit-consent/biscuit.global.js"></script></head>
<body><header><a href="/">Home</a></header><main><h1>Page</h1><p>Text with <a href="/more">a link</a>.</p></main>
<footer><a href="/cookies-page/" data-consent-open>Cookie settings</a></footer></body></html>`;

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on this website' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Customise cookies' });
const categories = (page: Page) => page.evaluate(() => (window as unknown as { Biscuit: { get(): { categories: object } } }).Biscuit.get().categories);

/** The focused element as "role: name", the way a screen reader would introduce it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element == document.body) return 'body';
    const tag = element.tagName.toLowerCase();
    const role =
      element.getAttribute('role') ||
      ({ a: 'link', button: 'button', h2: 'heading', dialog: 'dialog' } as Record<string, string>)[tag] ||
      (tag == 'input' ? (element as HTMLInputElement).type : tag);
    const name =
      tag == 'input'
        ? `${element.closest('fieldset')!.querySelector('legend')!.textContent} ${element.closest('label')!.textContent}`
        : element.getAttribute('aria-label') || element.textContent!.trim();
    return `${role}: ${name}`;
  });
}

/** Presses `key`, and waits for focus to reach `expected` (a choice is saved asynchronously, and focus follows). */
async function step(page: Page, key: string, expected: string | RegExp) {
  await page.keyboard.press(key);
  const poll = expect.poll(() => focused(page), { timeout: 10_000 });
  await (typeof expected == 'string' ? poll.toBe(expected) : poll.toMatch(expected));
}

const press = (page: Page, key: string) => page.keyboard.press(key);

async function open() {
  const opened = await harness.open(harness.page('keyboard', PAGE));
  await banner(opened.page).waitFor();
  return opened;
}

describe('the banner with the keyboard', () => {
  it('comes first in tab order; Enter accepts; focus moves to the confirmation; hiding it hands focus back to the page', async () => {
    const { page, errors } = await open();
    // The hint's link to the cookies notice, then the buttons.
    await step(page, 'Tab', 'link: Cookies notice');
    await step(page, 'Tab', 'button: Accept additional cookies');
    await step(page, 'Enter', 'status: You’ve accepted additional cookies. You can change your cookie settings at any time.');
    expect(await categories(page)).toEqual({ essential: true, analytics: true, marketing: true });
    await step(page, 'Tab', 'link: change your cookie settings');
    await step(page, 'Tab', 'button: Hide cookie message');
    await page.keyboard.press('Enter');
    await banner(page).waitFor({ state: 'detached' });
    // Focus is not stranded: the next Tab goes on to the page, from where the banner was.
    await step(page, 'Tab', 'link: Home');
    expect(errors).toEqual([]);
  });

  it('rejects with Space, as easily as it accepts', async () => {
    const { page } = await open();
    await press(page, 'Tab');
    await press(page, 'Tab');
    await step(page, 'Tab', 'button: Reject additional cookies');
    await step(page, 'Space', 'status: You’ve rejected additional cookies. You can change your cookie settings at any time.');
    expect(await categories(page)).toEqual({ essential: true, analytics: false, marketing: false });
    await press(page, 'Tab');
    await step(page, 'Tab', 'button: Hide cookie message');
    await page.keyboard.press('Space');
    await banner(page).waitFor({ state: 'detached' });
    await step(page, 'Tab', 'link: Home');
  });
});

describe('the dialog with the keyboard', () => {
  it('opens from Customise, chooses with the arrow keys, saves, and confirms in the banner with focus there', async () => {
    const { page, errors } = await open();
    await press(page, 'Tab');
    await press(page, 'Tab');
    await press(page, 'Tab');
    await step(page, 'Tab', 'button: Customise cookies');
    await step(page, 'Enter', 'heading: Customise cookies');
    expect(await dialog(page).isVisible()).toBe(true);
    await step(page, 'Tab', 'button: Close');
    // The essential category's cookie table: Enter opens it, and its scrolling box is the next stop.
    await step(page, 'Tab', 'summary: Cookies used (1)');
    await step(page, 'Enter', 'summary: Cookies used (1)');
    expect(await dialog(page).getByRole('table', { name: 'Essential cookies' }).isVisible()).toBe(true);
    await step(page, 'Tab', /^region: Essential cookiesNamePurposeExpiresSet bybiscuit_consent/);
    // Each radio group is one Tab stop, entered at its checked radio (No, for an undecided visitor).
    await step(page, 'Tab', 'radio: Analytics cookies No');
    await step(page, 'ArrowUp', 'radio: Analytics cookies Yes');
    await step(page, 'Tab', 'radio: Marketing cookies No');
    await step(page, 'ArrowDown', 'radio: Marketing cookies Yes');
    await step(page, 'ArrowDown', 'radio: Marketing cookies No');
    await step(page, 'Tab', 'button: Save cookie preferences');
    await step(page, 'Enter', 'status: Your cookie preferences have been saved. You can update your cookie settings at any time on the cookies page.');
    expect(await dialog(page).count()).toBe(0);
    expect(await categories(page)).toEqual({ essential: true, analytics: true, marketing: false });
    await step(page, 'Tab', 'link: cookies page');
    await step(page, 'Tab', 'button: Hide cookie message');
    expect(errors).toEqual([]);
  });

  it('accepts and rejects from inside the dialog with the keyboard', async () => {
    const { page } = await open();
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('link: Cookie settings');
    await step(page, 'Enter', 'heading: Customise cookies');
    // Backwards from the heading: the last button, Reject.
    await step(page, 'Shift+Tab', 'button: Reject additional cookies');
    await step(page, 'Space', /^status: Your cookie preferences have been saved\./);
    expect(await categories(page)).toEqual({ essential: true, analytics: false, marketing: false });

    await step(page, 'Tab', 'link: cookies page');
    await step(page, 'Tab', 'button: Hide cookie message');
    // Back to the link that opened the dialog.
    await step(page, 'Enter', 'link: Cookie settings');
    expect(await banner(page).count()).toBe(0);
    await step(page, 'Enter', 'heading: Customise cookies');
    // A saved choice: the dialog starts from it.
    await step(page, 'Tab', 'button: Close');
    // The essential category's cookie table, closed.
    await step(page, 'Tab', 'summary: Cookies used (1)');
    await step(page, 'Tab', 'radio: Analytics cookies No');
    await press(page, 'Tab');
    await press(page, 'Tab');
    await step(page, 'Tab', 'button: Accept additional cookies');
    await page.keyboard.press('Enter');
    await expect.poll(() => categories(page)).toEqual({ essential: true, analytics: true, marketing: true });
  });

  it('for a returning visitor: opens from the footer link, saves, and hiding the confirmation gives focus back to that link', async () => {
    const { page, context } = await open();
    await press(page, 'Tab');
    await step(page, 'Tab', 'button: Accept additional cookies');
    await step(page, 'Enter', /^status: You’ve accepted/);
    const { page: again } = await harness.open(harness.page('keyboard', PAGE), { context });
    await again.getByRole('heading', { name: 'Page' }).waitFor();
    expect(await banner(again).count()).toBe(0);
    await again.keyboard.press('Shift+Tab');
    expect(await focused(again)).toBe('link: Cookie settings');
    await step(again, 'Enter', 'heading: Customise cookies');
    await step(again, 'Tab', 'button: Close');
    // The essential category's cookie table, closed.
    await step(again, 'Tab', 'summary: Cookies used (1)');
    await step(again, 'Tab', 'radio: Analytics cookies Yes');
    await step(again, 'ArrowDown', 'radio: Analytics cookies No');
    await step(again, 'Tab', 'radio: Marketing cookies Yes');
    await step(again, 'Tab', 'button: Save cookie preferences');
    await step(again, 'Space', /^status: Your cookie preferences have been saved\./);
    expect(await categories(again)).toEqual({ essential: true, analytics: false, marketing: true });
    await step(again, 'Tab', 'link: cookies page');
    await step(again, 'Tab', 'button: Hide cookie message');
    // Back where the visitor was, not at the top of the page.
    await step(again, 'Enter', 'link: Cookie settings');
    expect(await banner(again).count()).toBe(0);
  });

  it('closes with Escape and gives focus back to the banner’s Customise button, with the question still asked', async () => {
    const { page } = await open();
    await press(page, 'Tab');
    await press(page, 'Tab');
    await press(page, 'Tab');
    await press(page, 'Tab');
    await step(page, 'Enter', 'heading: Customise cookies');
    await press(page, 'Tab');
    await press(page, 'Tab');
    await step(page, 'Tab', 'radio: Analytics cookies No');
    await step(page, 'ArrowUp', 'radio: Analytics cookies Yes');
    await step(page, 'Escape', 'button: Customise cookies');
    expect(await dialog(page).count()).toBe(0);
    expect(await categories(page)).toEqual({ essential: true, analytics: false, marketing: false });
    await step(page, 'Shift+Tab', 'button: Reject additional cookies');
  });

  it('closes with Escape and gives focus back to the footer link that opened it, without following it', async () => {
    const { page } = await open();
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('link: Cookie settings');
    await step(page, 'Enter', 'heading: Customise cookies');
    await step(page, 'Escape', 'link: Cookie settings');
    expect(page.url()).toBe(`${harness.origin}/t/keyboard`);
  });

  it('closes with its Close button (Enter), giving focus back too', async () => {
    const { page } = await open();
    await page.keyboard.press('Shift+Tab');
    await step(page, 'Enter', 'heading: Customise cookies');
    await step(page, 'Tab', 'button: Close');
    await step(page, 'Enter', 'link: Cookie settings');
  });

  it('keeps focus inside while open: Tab and Shift+Tab wrap round', async () => {
    const { page } = await open();
    await page.keyboard.press('Shift+Tab');
    await step(page, 'Enter', 'heading: Customise cookies');
    const forwards = [
      'button: Close',
      'summary: Cookies used (1)',
      'radio: Analytics cookies No',
      'radio: Marketing cookies No',
      'button: Save cookie preferences',
      'button: Accept additional cookies',
      'button: Reject additional cookies',
    ];
    const seen: string[] = [];
    for (let i = 0; i < forwards.length * 2; i++) seen.push(await press(page, 'Tab').then(() => focused(page)));
    expect(seen).toEqual([...forwards, ...forwards]);
    seen.length = 0;
    for (let i = 0; i < forwards.length * 2; i++) seen.push(await press(page, 'Shift+Tab').then(() => focused(page)));
    const backwards = [...forwards].reverse();
    // Shift+Tab from Close, the first control, wraps to the last.
    expect(seen).toEqual([...backwards.slice(1), ...backwards, backwards[0]]);
    expect(await dialog(page).isVisible()).toBe(true);
  });
});
