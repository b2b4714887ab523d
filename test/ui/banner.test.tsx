import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { createStore } from '../../src/core/store';
import { createMemoryStorage } from '../../src/storage/memory';
import { brokenStorage, decidedStorage, startConsent } from './start-consent';
import { writeChoice } from '../../src/storage/write-choice';

const banner = () => screen.findByRole('region', { name: 'Cookies on this website' });

describe('the banner', () => {
  // The wording of the UK police "Single Online Home" banner, word for word and
  // in its typography (’ and “ ”), so a visitor meets the words they know.
  const BODY =
    'We use some essential cookies to make our website work. We’d like to set additional cookies so we can remember your preferences and understand how you use our site.';
  const HINT = 'You can manage your preferences and cookie settings at any time by clicking on “Customise Cookies” below.';
  const COOKIES_NOTICE = 'For more information on how we use cookies, please see our Cookies notice.';
  const paragraphs = (region: HTMLElement) => Array.from(region.querySelectorAll('p'), (p) => p.textContent);

  it('asks a visitor who has not decided, in the exact default wording', async () => {
    startConsent({ cookiesPageUrl: '/cookies' });
    const region = await banner();
    expect(paragraphs(region)).toEqual([BODY, `${HINT} ${COOKIES_NOTICE}`]);
    expect(within(region).getByRole('link', { name: 'Cookies notice' }).getAttribute('href')).toBe('/cookies');
    expect(region.textContent).toBe(`${BODY}${HINT} ${COOKIES_NOTICE}Accept additional cookiesReject additional cookiesCustomise cookies`);
    expect(
      within(region)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Accept additional cookies', 'Reject additional cookies', 'Customise cookies']);
    expect(within(region).queryByRole('heading')).toBeNull();
  });

  it('leaves out the cookies notice without a cookies page to point to', async () => {
    startConsent();
    const region = await banner();
    expect(paragraphs(region)).toEqual([BODY, HINT]);
    expect(within(region).queryByRole('link')).toBeNull();
  });

  it('keeps the cookies notice after a hint the site words its own way', async () => {
    startConsent({ cookiesPageUrl: '/cookies', texts: { en: { hint: 'Choose below.' } } });
    expect(paragraphs(await banner())).toEqual([BODY, `Choose below. ${COOKIES_NOTICE}`]);
  });

  it('leaves out the cookies notice when the site empties it', async () => {
    startConsent({ cookiesPageUrl: '/cookies', texts: { en: { cookiesNotice: '' } } });
    expect(paragraphs(await banner())).toEqual([BODY, HINT]);
  });

  it('gives the cookies notice a paragraph of its own when it fell back to English', async () => {
    startConsent({ lang: 'fr', cookiesPageUrl: '/cookies', texts: { fr: { hint: 'Choisissez ci-dessous.' } } });
    const region = await screen.findByRole('region');
    expect(Array.from(region.querySelectorAll('p'), (p) => [p.lang, p.textContent])).toEqual([
      ['en', BODY],
      ['', 'Choisissez ci-dessous.'],
      ['en', COOKIES_NOTICE],
    ]);
  });

  it('is the first thing in <body>, so it comes first in reading and tab order', async () => {
    document.body.innerHTML = '<header><a href="/">Home</a></header><main><h1>Page</h1></main>';
    startConsent();
    const region = await banner();
    expect(document.body.firstElementChild!.contains(region)).toBe(true);
  });

  it('is not a modal: the page stays usable', async () => {
    startConsent();
    await banner();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the optional heading when bannerTitle is set', async () => {
    startConsent({ texts: { en: { bannerTitle: 'Cookies on Example' } } });
    const region = await banner();
    expect(within(region).getByRole('heading', { name: 'Cookies on Example' })).toBeTruthy();
  });

  it('accepts, confirms and moves focus to the confirmation', async () => {
    const { consent } = startConsent();
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Accept additional cookies' }));
    const status = await screen.findByRole('status');
    expect(consent.get().categories).toEqual({ essential: true, preferences: true, analytics: true });
    expect(consent.get().source).toBe('banner');
    expect(status.textContent).toBe('You’ve accepted additional cookies. You can change your cookie settings at any time.');
    expect(document.activeElement).toBe(status);
    expect(within(await banner()).queryByRole('button', { name: 'Accept additional cookies' })).toBeNull();
  });

  it('rejects, confirms and moves focus to the confirmation', async () => {
    const { consent } = startConsent();
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Reject additional cookies' }));
    const status = await screen.findByRole('status');
    expect(consent.decided).toBe(true);
    expect(consent.get().categories).toEqual({ essential: true, preferences: false, analytics: false });
    expect(status.textContent).toBe('You’ve rejected additional cookies. You can change your cookie settings at any time.');
    expect(document.activeElement).toBe(status);
  });

  it('links "change your cookie settings" to the cookies page only when there is one', async () => {
    startConsent({ cookiesPageUrl: '/cookies' });
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Reject additional cookies' }));
    const link = within(await screen.findByRole('status')).getByRole('link', { name: 'change your cookie settings' });
    expect(link.getAttribute('href')).toBe('/cookies');
  });

  it('has no link without a cookies page', async () => {
    startConsent();
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Accept additional cookies' }));
    expect(within(await screen.findByRole('status')).queryByRole('link')).toBeNull();
  });

  it('hides the confirmation with "Hide cookie message"', async () => {
    startConsent();
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Accept additional cookies' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hide cookie message' }));
    expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull();
  });

  it('keeps the confirmation when a double click on Accept lands its second click on "Hide cookie message"', async () => {
    startConsent();
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Accept additional cookies' }), { detail: 1 });
    const hide = await screen.findByRole('button', { name: 'Hide cookie message' });
    // Where Accept was.
    fireEvent.click(hide, { detail: 2 });
    expect(screen.getByRole('status').textContent).toMatch(/^You’ve accepted additional cookies\./);
    fireEvent.click(hide, { detail: 1 });
    expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull();
  });

  it('returns focus to what showed the banner when the confirmation is hidden', async () => {
    const { consent } = startConsent({}, { storage: await decidedStorage() });
    document.body.insertAdjacentHTML('beforeend', '<button>Cookie banner</button>');
    const opener = screen.getByRole('button', { name: 'Cookie banner' });
    opener.focus();
    consent.showBanner();
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Reject additional cookies' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hide cookie message' }));
    expect(document.activeElement).toBe(opener);
  });

  it('shows an alert and keeps the question when the choice cannot be saved, and a retry works', async () => {
    const { storage, state } = brokenStorage();
    const { consent } = startConsent({}, { storage });
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Accept additional cookies' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Sorry, there was a technical problem. Please try again.');
    // The choice applies in memory all the same.
    expect(consent.allowed('analytics')).toBe(true);
    expect(screen.queryByRole('status')).toBeNull();

    state.fixed = true;
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Accept additional cookies' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^You’ve accepted additional cookies/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(storage.read()).toBeTruthy();
  });

  it('closes when a decision arrives from elsewhere (another tab, the site’s own code)', async () => {
    const { consent } = startConsent();
    await banner();
    await consent.rejectAll();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull());
  });

  it('closes when another tab decides', async () => {
    const storage = createMemoryStorage();
    const { consent } = startConsent({}, { storage });
    await banner();
    await createStore({ config: resolveConfig({}), storage, write: writeChoice }).acceptAll({ source: 'banner' });
    // What the tab-sync plugin does when the other tab announces its change.
    consent.refresh();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull());
    expect(consent.allowed('analytics')).toBe(true);
  });

  it('drops a confirmation that a decision from elsewhere made out of date', async () => {
    const { consent } = startConsent();
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Reject additional cookies' }));
    await screen.findByRole('status');
    await consent.acceptAll();
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });

  it('asks again after reset()', async () => {
    const { consent } = startConsent();
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Accept additional cookies' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hide cookie message' }));
    await consent.reset();
    expect(within(await banner()).getByRole('button', { name: 'Accept additional cookies' })).toBeTruthy();
  });

  it('shows the question again on showBanner() for a visitor who has decided', async () => {
    const { consent } = startConsent({}, { storage: await decidedStorage() });
    consent.showBanner();
    expect(within(await banner()).getByRole('button', { name: 'Reject additional cookies' })).toBeTruthy();
  });

  it('closes on hide()', async () => {
    const { consent } = startConsent();
    await banner();
    consent.hide();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull());
  });
});

describe('the banner on a page that replaces its <body>', () => {
  // `screen` queries the <body> of when it was imported: these tests ask the current one.
  const page = () => within(document.body);
  const region = () => page().findByRole('region', { name: 'Cookies on this website' });
  const firstInBody = () => document.body.firstElementChild?.contains(page().queryByRole('region', { name: 'Cookies on this website' }));
  const original = document.body;
  afterEach(() => {
    if (document.body != original) document.documentElement.replaceChild(original, document.body);
  });

  it('comes back, first in the new <body> and still asking, when the page swaps it (Turbo)', async () => {
    const { consent } = startConsent();
    await region();
    const next = document.createElement('body');
    next.innerHTML = '<main><h1>Page two</h1></main>';
    document.documentElement.replaceChild(next, document.body);
    await waitFor(() => expect(firstInBody()).toBe(true));
    fireEvent.click(within(await region()).getByRole('button', { name: 'Reject additional cookies' }));
    expect(await page().findByText('You’ve rejected additional cookies.', { exact: false })).toBeTruthy();
    expect(consent.decided).toBe(true);
  });

  it('leaves no lifeless copy behind when the page goes back to a copy of itself (Turbo’s cache, htmx’s history)', async () => {
    const { consent } = startConsent();
    await region();
    // What Turbo keeps for the back button: a copy of the page as it was, banner included.
    const kept = document.body.cloneNode(true) as HTMLElement;
    document.body.innerHTML = '<main><h1>Page two</h1></main>';
    await waitFor(() => expect(firstInBody()).toBe(true));
    document.documentElement.replaceChild(kept, document.body);
    // Put back as the copy comes in.
    await new Promise((resolve) => setTimeout(resolve));
    expect(firstInBody()).toBe(true);
    expect(page().getAllByRole('region', { name: 'Cookies on this website' })).toHaveLength(1);
    fireEvent.click(within(await region()).getByRole('button', { name: 'Accept additional cookies' }));
    expect(await page().findByText('You’ve accepted additional cookies.', { exact: false })).toBeTruthy();
    expect(consent.allowed('analytics')).toBe(true);
  });

  it('takes out copies only: two instances on one page (a site that loads both builds) keep both their banners', async () => {
    startConsent();
    startConsent();
    await waitFor(() => expect(page().getAllByRole('region', { name: 'Cookies on this website' })).toHaveLength(2));
    document.body.innerHTML = '<main><h1>Page two</h1></main>';
    await waitFor(() => expect(page().getAllByRole('region', { name: 'Cookies on this website' })).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page().getAllByRole('region', { name: 'Cookies on this website' })).toHaveLength(2);
  });

  it('gives way to a script that keeps taking it out (an extension hiding cookie banners), so nothing loops', async () => {
    startConsent();
    await region();
    let removals = 0;
    const remove = () =>
      document.querySelectorAll('body > .bc').forEach((root) => {
        removals++;
        root.remove();
      });
    const remover = new MutationObserver(remove);
    remover.observe(document.body, { childList: true });
    remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    remover.disconnect();
    // Put back 50 times, then left out.
    expect(removals).toBe(51);
    expect(document.querySelector('.bc')).toBeNull();
  });

  it('keeps coming back on a long visit, however quick the pages', async () => {
    startConsent();
    await region();
    for (let visit = 0; visit < 60; visit++) {
      document.body.innerHTML = `<main><h1>Page ${visit}</h1></main>`;
      await waitFor(() => expect(firstInBody()).toBe(true));
      // A frame painted between pages, as between any two a visitor sees.
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });

  it('closes the dialog even once it has given way to a script that keeps taking the UI out', async () => {
    document.body.innerHTML = '<main><h1>Page</h1></main>';
    const { consent } = startConsent();
    await region();
    // The dialog's code is here already.
    consent.showPreferences();
    await page().findByRole('dialog', { name: 'Customise cookies' });
    consent.hide();
    await waitFor(() => expect(page().queryByRole('dialog')).toBeNull());
    const remover = new MutationObserver(() => document.querySelectorAll('body > .bc').forEach((root) => root.remove()));
    remover.observe(document.body, { childList: true });
    document.querySelector('.bc')!.remove();
    await new Promise((resolve) => setTimeout(resolve));
    consent.showPreferences();
    await new Promise((resolve) => setTimeout(resolve, 50));
    remover.disconnect();
    // The dialog went with the UI: nothing is left open out of sight, nor inert.
    expect(page().queryByRole('dialog')).toBeNull();
    expect(document.body.querySelector('[inert]')).toBeNull();
    document.body.append(document.createElement('p'));
    consent.showPreferences();
    expect(await page().findByRole('dialog', { name: 'Customise cookies' })).toBeTruthy();
  });

  it('leaves a confirmation with the page it answered', async () => {
    startConsent();
    fireEvent.click(within(await region()).getByRole('button', { name: 'Accept additional cookies' }));
    await page().findByText('You’ve accepted additional cookies.', { exact: false });
    document.body.innerHTML = '<main><h1>Page two</h1></main>';
    await waitFor(() => expect(document.body.firstElementChild?.matches('.bc')).toBe(true));
    expect(page().queryByText('You’ve accepted additional cookies.', { exact: false })).toBeNull();
  });

  it('closes the dialog open on the page it leaves, and gives back a copy of that page made while it was open', async () => {
    document.body.innerHTML = '<main><h1>Page one</h1></main>';
    const { consent } = startConsent();
    await region();
    consent.showPreferences();
    await page().findByRole('dialog', { name: 'Customise cookies' });
    // The rest of the page is made inert after the frame that shows the dialog.
    await waitFor(() => expect(page().getByRole('main', { hidden: true }).hasAttribute('inert')).toBe(true));
    // Turbo keeps a copy for the back button; the visitor leaves.
    const kept = document.body.cloneNode(true) as HTMLElement;
    document.body.innerHTML = '<main><h1>Page two</h1></main>';
    await waitFor(() => expect(firstInBody()).toBe(true));
    expect(page().queryByRole('dialog')).toBeNull();
    expect(
      within(await region())
        .getByRole('button', { name: 'Customise cookies' })
        .closest('[inert]'),
    ).toBeNull();
    // Back: the copy comes in, with the inert the dialog gave it.
    document.documentElement.replaceChild(kept, document.body);
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.body.querySelector('[inert]')).toBeNull();
    expect(page().getAllByRole('region', { name: 'Cookies on this website' })).toHaveLength(1);
    consent.showPreferences();
    expect(await page().findByRole('dialog', { name: 'Customise cookies' })).toBeTruthy();
  });

  it('comes back when the page rewrites the content of <body> (htmx)', async () => {
    startConsent();
    await region();
    document.body.innerHTML = '<main><h1>Page two</h1></main>';
    await waitFor(() => expect(firstInBody()).toBe(true));
  });

  it('stays away once the instance is destroyed', async () => {
    const { consent } = startConsent();
    await region();
    consent.destroy();
    document.body.innerHTML = '<main><h1>Page two</h1></main>';
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector('.bc')).toBeNull();
  });
});
