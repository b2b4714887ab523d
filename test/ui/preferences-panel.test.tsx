import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentStorage } from '../../src/core/consent-storage';
import { createMemoryStorage } from '../../src/storage/memory';
import type { LoadUiChunk } from '../../src/ui/loader';
import { brokenStorage, decidedStorage, loadChunk, startConsent } from './start-consent';

const banner = () => screen.findByRole('region', { name: 'Cookies on this website' });
const dialog = () => screen.findByRole('dialog', { name: 'Customise cookies' });
const radio = (container: HTMLElement, group: string, name: 'Yes' | 'No') =>
  within(within(container).getByRole('group', { name: group })).getByRole('radio', { name }) as HTMLInputElement;

async function openFromBanner() {
  fireEvent.click(within(await banner()).getByRole('button', { name: 'Customise cookies' }));
  return dialog();
}

describe('the preferences dialog', () => {
  it('opens from the banner with focus on its heading, and closes with Escape, returning focus', async () => {
    startConsent();
    const customise = within(await banner()).getByRole('button', { name: 'Customise cookies' });
    // Like Safari, jsdom does not focus a clicked button.
    fireEvent.click(customise);
    const panel = await dialog();
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Customise cookies' }));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(customise);
    // Closing the dialog is not a decision: the banner still asks.
    expect(within(await banner()).getByRole('button', { name: 'Accept additional cookies' })).toBeTruthy();
  });

  it('closes with its visible Close button, returning focus to the opener', async () => {
    const { consent } = startConsent({}, { storage: await decidedStorage() });
    document.body.insertAdjacentHTML('beforeend', '<button>Cookie settings</button>');
    const opener = screen.getByRole('button', { name: 'Cookie settings' });
    opener.focus();
    consent.showPreferences();
    fireEvent.click(within(await dialog()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('is modal: aria-modal, Tab kept inside, and the page inert once the dialog is on screen', async () => {
    document.body.innerHTML = '<main><a href="/">Home</a></main>';
    startConsent();
    const panel = await openFromBanner();
    expect(panel.getAttribute('aria-modal')).toBe('true');
    expect((await banner()).hasAttribute('inert')).toBe(true);
    // Not in the click: making the page inert restyles all of it, which would hold up the frame that shows the dialog.
    expect(screen.getByRole('main').hasAttribute('inert')).toBe(false);
    await waitFor(() => expect(screen.getByRole('main', { hidden: true }).hasAttribute('inert')).toBe(true));

    const buttons = within(panel).getAllByRole('button');
    const first = buttons[0]!;
    const last = buttons[buttons.length - 1]!;
    expect(first.textContent).toBe('Close');
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    // Shift+Tab from the heading, where focus starts, wraps to the end too.
    const heading = within(panel).getByRole('heading', { name: 'Customise cookies' });
    heading.focus();
    fireEvent.keyDown(heading, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);

    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('main').hasAttribute('inert')).toBe(false);
    expect((await banner()).hasAttribute('inert')).toBe(false);
  });

  it('leaves the page alone when it closes before it was on screen', async () => {
    document.body.innerHTML = '<main>Page</main>';
    startConsent();
    const panel = await openFromBanner();
    fireEvent.keyDown(panel, { key: 'Escape' });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)));
    expect(screen.getByRole('main').hasAttribute('inert')).toBe(false);
  });

  describe('where the browser has close requests (CloseWatcher: Android’s back gesture)', () => {
    type Watcher = { onclose: (() => void) | null; destroyed: boolean };
    let watchers: Watcher[] = [];
    const global = window as { CloseWatcher?: unknown };
    afterEach(() => {
      delete global.CloseWatcher;
      watchers = [];
    });
    const install = () => {
      global.CloseWatcher = class {
        onclose: (() => void) | null = null;
        destroyed = false;
        constructor() {
          watchers.push(this);
        }
        destroy() {
          this.destroyed = true;
        }
      };
    };

    it('closes on the back gesture, returning focus to the opener, and asks again', async () => {
      install();
      startConsent();
      const customise = within(await banner()).getByRole('button', { name: 'Customise cookies' });
      fireEvent.click(customise);
      await dialog();
      expect(watchers).toHaveLength(1);
      watchers[0]!.onclose?.();
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(document.activeElement).toBe(customise);
      expect(within(await banner()).getByRole('button', { name: 'Accept additional cookies' })).toBeTruthy();
      // Open again: a new request is watched, the old one is done with.
      fireEvent.click(customise);
      await dialog();
      expect(watchers).toHaveLength(2);
    });

    it('stops watching once the dialog is closed another way, so the back gesture goes back to the page', async () => {
      install();
      startConsent();
      const panel = await openFromBanner();
      fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
      expect(watchers.map((watcher) => watcher.destroyed)).toEqual([true]);
    });

    it('still opens where the page broke CloseWatcher', async () => {
      global.CloseWatcher = class {
        constructor() {
          throw new Error('broken by the page');
        }
      };
      startConsent();
      const panel = await openFromBanner();
      fireEvent.keyDown(panel, { key: 'Escape' });
      expect(screen.queryByRole('dialog')).toBeNull();
    });
  });

  describe('where the browser has popovers', () => {
    const proto = HTMLElement.prototype as Partial<HTMLElement>;
    const nativeStyle = window.getComputedStyle;
    beforeEach(() => {
      // jsdom's selector engine (@asamuzakjp/dom-selector 6.8, jsdom 28.1)
      // matches :popover-open by asking getComputedStyle whether the element
      // is visible, from inside getComputedStyle of that same element; the
      // re-entry leaves its state broken for the rest of the file (a TypeError
      // from every later getComputedStyle), depending on timing. Browsers
      // have no such loop: the inner question gets "not visible" here.
      const computing = new Set<Element>();
      window.getComputedStyle = (element, pseudo) => {
        if (computing.has(element)) return { display: 'none', visibility: 'hidden' } as CSSStyleDeclaration;
        computing.add(element);
        try {
          return nativeStyle.call(window, element, pseudo);
        } finally {
          computing.delete(element);
        }
      };
    });
    afterEach(() => {
      delete proto.showPopover;
      window.getComputedStyle = nativeStyle;
    });

    it('puts the dialog in the top layer, and keeps it modal', async () => {
      let shown: HTMLElement | undefined;
      proto.showPopover = function (this: HTMLElement) {
        shown = this;
      };
      document.body.innerHTML = '<main>Page</main>';
      startConsent();
      const panel = await openFromBanner();
      // Its overlay is in the top layer, over the page; a popover the visitor cannot dismiss by accident.
      expect(shown?.contains(panel)).toBe(true);
      expect(shown?.popover).toBe('manual');
      expect(panel.getAttribute('aria-modal')).toBe('true');
      expect((await banner()).hasAttribute('inert')).toBe(true);
      expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Customise cookies' }));
      const buttons = within(panel).getAllByRole('button');
      buttons[buttons.length - 1]!.focus();
      fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
      expect(document.activeElement).toBe(buttons[0]);
      fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
      expect(document.activeElement).toBe(buttons[buttons.length - 1]);
      // A click beside the dialog, on the overlay, leaves focus in the dialog.
      expect(fireEvent.mouseDown(shown!)).toBe(false);
      expect(fireEvent.mouseDown(buttons[0]!)).toBe(true);
      fireEvent.keyDown(panel, { key: 'Escape' });
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(shown?.isConnected).toBe(false);
    });
  });

  it('lists essential cookies first, as always on and not a control', async () => {
    startConsent({ categories: { analytics: {}, marketing: {} } });
    const panel = await openFromBanner();
    // A cookie table's disclosure is a group too.
    const groups = within(panel)
      .getAllByRole('group')
      .filter((group) => group.localName != 'details');
    const essential = within(panel).getByRole('group', { name: 'Essential cookies' });
    expect(groups[0]).toBe(essential);
    expect(essential.textContent).toContain('Always on');
    expect(essential.textContent).toContain('These cookies make the website work');
    expect(within(essential).queryAllByRole('radio')).toEqual([]);
    expect(groups.slice(1).map((group) => within(group).getAllByRole('radio').length)).toEqual([2, 2]);
  });

  it('shows every optional choice as No to a visitor who has not decided', async () => {
    startConsent({ categories: { preferences: {}, analytics: {}, marketing: {} } });
    const panel = await openFromBanner();
    for (const group of ['Preference cookies', 'Analytics cookies', 'Marketing cookies']) {
      expect(radio(panel, group, 'No').checked).toBe(true);
      expect(radio(panel, group, 'Yes').checked).toBe(false);
    }
  });

  it('describes each category in its group', async () => {
    startConsent({ categories: { analytics: { title: 'Statistics', description: 'Counting visits.' } } });
    const panel = await openFromBanner();
    const group = within(panel).getByRole('group', { name: 'Statistics' });
    const description = document.getElementById(group.getAttribute('aria-describedby')!);
    expect(description!.textContent).toBe('Counting visits.');
  });

  it('starts from the current choice of a visitor who has decided', async () => {
    const { consent } = startConsent({}, { storage: await decidedStorage({}, (c) => c.save({ analytics: true })) });
    consent.showPreferences();
    const panel = await dialog();
    expect(radio(panel, 'Analytics cookies', 'Yes').checked).toBe(true);
    expect(radio(panel, 'Preference cookies', 'No').checked).toBe(true);
  });

  it('starts from the earlier answers after a revision change', async () => {
    const storage = await decidedStorage({}, (c) => c.save({ preferences: true }));
    startConsent({ revision: 1 }, { storage });
    const panel = await openFromBanner();
    expect(radio(panel, 'Preference cookies', 'Yes').checked).toBe(true);
    expect(radio(panel, 'Analytics cookies', 'No').checked).toBe(true);
  });

  it('saves the choices, closes, and says so in the banner with focus on the message', async () => {
    const { consent } = startConsent({ cookiesPageUrl: '/cookies' });
    const panel = await openFromBanner();
    fireEvent.click(radio(panel, 'Analytics cookies', 'Yes'));
    expect(radio(panel, 'Analytics cookies', 'Yes').checked).toBe(true);
    fireEvent.click(within(panel).getByRole('button', { name: 'Save cookie preferences' }));

    const status = await screen.findByRole('status');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(consent.get().categories).toEqual({ essential: true, preferences: false, analytics: true });
    expect(consent.get().source).toBe('panel');
    expect(status.textContent).toBe('Your cookie preferences have been saved. You can update your cookie settings at any time on the cookies page.');
    expect(within(status).getByRole('link', { name: 'cookies page' }).getAttribute('href')).toBe('/cookies');
    expect((await banner()).contains(status)).toBe(true);
    expect(document.activeElement).toBe(status);
    expect(screen.getByRole('button', { name: 'Hide cookie message' })).toBeTruthy();
  });

  it('gives focus back to what opened the dialog when its confirmation is hidden', async () => {
    const { consent } = startConsent({}, { storage: await decidedStorage() });
    document.body.insertAdjacentHTML('beforeend', '<footer><a href="/cookies" data-consent-open>Cookie settings</a></footer>');
    const link = screen.getByRole('link', { name: 'Cookie settings' });
    fireEvent.click(link);
    fireEvent.click(within(await dialog()).getByRole('button', { name: 'Save cookie preferences' }));
    const status = await screen.findByRole('status');
    expect(document.activeElement).toBe(status);
    fireEvent.click(screen.getByRole('button', { name: 'Hide cookie message' }));
    expect(screen.queryByRole('region')).toBeNull();
    expect(document.activeElement).toBe(link);
    expect(consent.decided).toBe(true);
  });

  it('accepts or rejects everything from the dialog', async () => {
    const { consent } = startConsent();
    fireEvent.click(within(await openFromBanner()).getByRole('button', { name: 'Accept additional cookies' }));
    await screen.findByRole('status');
    expect(consent.get().categories).toEqual({ essential: true, preferences: true, analytics: true });

    consent.showPreferences();
    fireEvent.click(within(await dialog()).getByRole('button', { name: 'Reject additional cookies' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(consent.get().categories).toEqual({ essential: true, preferences: false, analytics: false });
    expect(consent.get().source).toBe('panel');
  });

  it('stays open with the choices intact and an alert when saving fails, and a retry works', async () => {
    const { storage, state } = brokenStorage();
    const { consent } = startConsent({}, { storage });
    const panel = await openFromBanner();
    fireEvent.click(radio(panel, 'Preference cookies', 'Yes'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save cookie preferences' }));

    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toBe('Sorry, there was a technical problem. Please try again.');
    expect(document.activeElement).toBe(alert);
    expect(screen.getByRole('dialog', { name: 'Customise cookies' })).toBe(panel);
    expect(radio(panel, 'Preference cookies', 'Yes').checked).toBe(true);
    expect(radio(panel, 'Analytics cookies', 'No').checked).toBe(true);
    // At the top of the dialog, before the first choice.
    expect(alert.compareDocumentPosition(within(panel).getAllByRole('group')[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(consent.allowed('preferences')).toBe(true);

    state.fixed = true;
    fireEvent.click(within(panel).getByRole('button', { name: 'Save cookie preferences' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Your cookie preferences have been saved/);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(storage.read()).toBeTruthy();
  });

  it('tells a visitor whose browser sends Global Privacy Control, and still lets them say Yes', async () => {
    const { consent } = startConsent({ categories: { analytics: {}, marketing: {} } }, { gpc: true });
    const panel = await openFromBanner();
    const notice = 'Your browser is sending a Global Privacy Control signal, so this is set to No. You can still choose Yes.';
    const marketing = within(panel).getByRole('group', { name: 'Marketing cookies' });
    expect(marketing.textContent).toContain(notice);
    expect(document.getElementById(marketing.getAttribute('aria-describedby')!)!.textContent).toContain(notice);
    expect(within(panel).getByRole('group', { name: 'Analytics cookies' }).textContent).not.toContain(notice);

    fireEvent.click(radio(panel, 'Marketing cookies', 'Yes'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save cookie preferences' }));
    await screen.findByRole('status');
    expect(consent.allowed('marketing')).toBe(true);
  });

  it('shows no Global Privacy Control notice without the signal', async () => {
    startConsent({ categories: { marketing: {} } });
    const panel = await openFromBanner();
    expect(within(panel).getByRole('group', { name: 'Marketing cookies' }).textContent).not.toContain('Global Privacy Control');
  });

  it('follows a choice made elsewhere while open', async () => {
    const { consent } = startConsent();
    const panel = await openFromBanner();
    await consent.acceptAll();
    await waitFor(() => expect(radio(panel, 'Analytics cookies', 'Yes').checked).toBe(true));
  });

  describe('made ready while the visitor heads for it', () => {
    /** Points at "Customise cookies" and waits until the dialog is ready and its first frame has passed (when it is laid out unseen). */
    async function pointAtCustomise() {
      const { consent, load } = startConsent();
      const customise = within(await banner()).getByRole('button', { name: 'Customise cookies' });
      fireEvent.pointerOver(customise);
      await waitFor(() => expect(load.mock.calls).toEqual([['banner'], ['dialog']]));
      await load.mock.results[1]!.value;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => setTimeout(resolve));
      return { consent, customise };
    }

    it('leaves nothing in the page until the visitor clicks', async () => {
      await pointAtCustomise();
      expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
      expect(document.querySelector('.bc-panel')).toBeNull();
    });

    it('shows the choice made after it was made ready', async () => {
      const { consent, customise } = await pointAtCustomise();
      consent.save({ analytics: true });
      fireEvent.click(customise);
      const panel = await dialog();
      expect(radio(panel, 'Analytics cookies', 'Yes').checked).toBe(true);
      expect(radio(panel, 'Preference cookies', 'No').checked).toBe(true);
    });

    it('forgets choices left unsaved when it was closed', async () => {
      const { customise } = await pointAtCustomise();
      fireEvent.click(customise);
      let panel = await dialog();
      expect(radio(panel, 'Analytics cookies', 'No').checked).toBe(true);
      fireEvent.click(radio(panel, 'Analytics cookies', 'Yes'));
      fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
      expect(screen.queryByRole('dialog')).toBeNull();

      fireEvent.click(customise);
      panel = await dialog();
      expect(radio(panel, 'Analytics cookies', 'No').checked).toBe(true);
      expect(radio(panel, 'Analytics cookies', 'Yes').checked).toBe(false);
    });
  });

  it('opens again without the alert of a save that failed', async () => {
    const { storage } = brokenStorage();
    startConsent({}, { storage });
    const panel = await openFromBanner();
    fireEvent.click(within(panel).getByRole('button', { name: 'Save cookie preferences' }));
    await within(panel).findByRole('alert');
    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));

    const again = await openFromBanner();
    expect(within(again).queryByRole('alert')).toBeNull();
    expect(radio(again, 'Preference cookies', 'No').checked).toBe(true);
  });

  it('closes on hide(), along with the banner', async () => {
    const { consent } = startConsent();
    await openFromBanner();
    consent.hide();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull();
  });
});

describe('the preferences dialog when the page or the visitor moves on', () => {
  /** A storage whose writes wait until `release()`. */
  function slowStorage() {
    const inner = createMemoryStorage();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const storage: ConsentStorage = { read: () => inner.read(), write: (value) => gate.then(() => inner.write(value)), remove: () => inner.remove() };
    return { storage, release };
  }
  /** Loads the real chunks, the dialog only once `release()` is called. */
  function slowDialog() {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = ((name: 'banner' | 'dialog') => (name == 'dialog' ? gate.then(() => loadChunk(name)) : loadChunk(name))) as LoadUiChunk;
    return { load, release };
  }
  const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)));

  it('gives focus back to its opener when the site calls hide()', async () => {
    const { consent } = startConsent({}, { storage: await decidedStorage() });
    document.body.insertAdjacentHTML('beforeend', '<footer><a href="/cookies" data-consent-open>Cookie settings</a></footer>');
    const link = screen.getByRole('link', { name: 'Cookie settings' });
    link.focus();
    fireEvent.click(link);
    await dialog();
    consent.hide();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(link);
  });

  it('gives focus back to its opener and the page back when destroyed while open', async () => {
    document.body.innerHTML = '<main><button>Cookie settings</button></main>';
    const { consent } = startConsent({}, { storage: await decidedStorage() });
    const opener = screen.getByRole('button', { name: 'Cookie settings' });
    opener.focus();
    consent.showPreferences();
    await dialog();
    await settle();
    consent.destroy();
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.querySelector('[inert]')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('gives focus back to the link inside a data-consent-open element', async () => {
    startConsent({}, { storage: await decidedStorage() });
    document.body.insertAdjacentHTML('beforeend', '<ul><li data-consent-open><a href="/cookies">Cookie settings</a></li></ul>');
    const link = screen.getByRole('link', { name: 'Cookie settings' });
    // As in Safari, the clicked link does not take focus.
    fireEvent.click(link);
    const panel = await dialog();
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(document.activeElement).toBe(link);
  });

  it('confirms in the banner a save that lands after the dialog was closed, and asks no more', async () => {
    const { storage, release } = slowStorage();
    const { consent } = startConsent({}, { storage });
    const panel = await openFromBanner();
    fireEvent.click(radio(panel, 'Analytics cookies', 'Yes'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save cookie preferences' }));
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    release();
    const status = await within(await banner()).findByRole('status');
    expect(status.textContent).toMatch(/^Your cookie preferences have been saved/);
    expect(within(await banner()).queryByRole('button', { name: 'Accept additional cookies' })).toBeNull();
    expect(consent.get()).toMatchObject({ decided: true, categories: { analytics: true } });
  });

  it('does not open once its code arrives if the visitor chose in the banner meanwhile, or the site hid it', async () => {
    const { load, release } = slowDialog();
    const { consent } = startConsent({}, { load });
    const question = await banner();
    fireEvent.click(within(question).getByRole('button', { name: 'Customise cookies' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Accept additional cookies' }));
    await within(await banner()).findByRole('status');
    release();
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();

    consent.showPreferences();
    consent.hide();
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    // Asked for again, it opens.
    consent.showPreferences();
    await dialog();
  });

  it('leaves nothing in the page when destroyed while its code was on its way', async () => {
    const { load, release } = slowDialog();
    const { consent } = startConsent({}, { load });
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Customise cookies' }));
    consent.destroy();
    release();
    await settle();
    expect(document.querySelector('.bc')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps working when the page moved the UI inside its own element, or rendered over <body>', async () => {
    document.body.innerHTML = '<main><h1>Page</h1></main>';
    const { consent } = startConsent();
    await banner();
    const main = screen.getByRole('main');
    main.append(document.querySelector('.bc')!);
    consent.showPreferences();
    const panel = await dialog();
    await settle();
    // The element holding the dialog is not made inert with the rest of the page.
    expect(panel.closest('[inert]')).toBeNull();
    fireEvent.keyDown(panel, { key: 'Escape' });

    // A framework rendered a new page over <body>'s content: the UI comes back with the dialog.
    document.body.innerHTML = '<main>New page</main>';
    consent.showPreferences();
    const again = await dialog();
    expect(again.isConnected).toBe(true);
    expect(document.activeElement).toBe(within(again).getByRole('heading', { name: 'Customise cookies' }));
    fireEvent.keyDown(again, { key: 'Escape' });
  });
});
