import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../src/entries/index';
import { createMemoryStorage } from '../../src/storage/memory';
import { decidedStorage, startConsent } from './start-consent';

const banner = () => screen.findByRole('region', { name: 'Cookies on this website' });

describe('the UI loader', () => {
  it('loads no UI for a visitor who has decided and has no form on the page', async () => {
    const { load } = startConsent({}, { storage: await decidedStorage() });
    document.body.insertAdjacentHTML('beforeend', '<p>Some content</p>');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(load).not.toHaveBeenCalled();
    expect(document.querySelector('.bc')).toBeNull();
  });

  it('loads the view once, however often the UI is shown', async () => {
    const { consent, load } = startConsent();
    await banner();
    consent.showPreferences();
    await screen.findByRole('dialog', { name: 'Customise cookies' });
    consent.hide();
    consent.showBanner();
    await banner();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads the view when a decided visitor asks for the dialog', async () => {
    const { consent, load } = startConsent({}, { storage: await decidedStorage() });
    consent.showPreferences();
    await screen.findByRole('dialog', { name: 'Customise cookies' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks nothing when every category is essential', async () => {
    const { consent, load } = startConsent({ categories: { security: { essential: true } } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(load).not.toHaveBeenCalled();
    expect(consent.decided).toBe(false);
    // The dialog still explains them when asked for.
    consent.showPreferences();
    expect(await screen.findByRole('dialog', { name: 'Customise cookies' })).toBeTruthy();
  });

  it('asks again after a revision change', async () => {
    startConsent({ revision: 2 }, { storage: await decidedStorage() });
    expect(await banner()).toBeTruthy();
  });

  it('shows the banner and wires the page through createConsent', async () => {
    const consent = createConsent({ storage: createMemoryStorage() });
    try {
      fireEvent.click(within(await banner()).getByRole('button', { name: 'Reject additional cookies' }));
      await screen.findByRole('status');
      expect(consent.decided).toBe(true);
    } finally {
      consent.destroy();
    }
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull());
  });

  it('removes everything it added on destroy', async () => {
    document.body.innerHTML = '<div data-consent-preferences>Fallback</div><button data-consent-open>Settings</button>';
    const { consent } = startConsent();
    await banner();
    await screen.findByRole('group', { name: 'Analytics cookies' });
    consent.destroy();
    await waitFor(() => expect(document.querySelector('.bc')).toBeNull());
    expect(document.body.textContent).toBe('FallbackSettings');
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    screen.getByRole('button', { name: 'Settings' }).dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });

  it('logs a view that fails to load, and tries again on the next request', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let attempts = 0;
    const { consent, load } = startConsent({}, {
      load: () => (++attempts == 1 ? Promise.reject(new Error('network down')) : import('../../src/ui/view')),
    });
    await waitFor(() => expect(error).toHaveBeenCalledWith(new Error('network down')));
    expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull();
    consent.showBanner();
    expect(await banner()).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('the page around the banner', () => {
  it('keeps focused elements clear of the fixed banner with scroll padding on <html>', async () => {
    startConsent();
    await banner();
    const { style } = document.documentElement;
    expect(style.scrollPaddingBottom).toMatch(/^\d+px$/);
    expect(style.paddingBottom).toBe(style.scrollPaddingBottom);
    fireEvent.click(screen.getByRole('button', { name: 'Accept additional cookies' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hide cookie message' }));
    expect(style.scrollPaddingBottom).toBe('');
    expect(style.paddingBottom).toBe('');
  });

  it('sets no scroll padding for an inline banner', async () => {
    startConsent({ bannerLayout: 'inline' });
    await banner();
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
  });

  it('warns once when style.css is missing', async () => {
    document.head.replaceChildren();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    startConsent();
    await banner();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/style\.css/);
  });

  it('does not warn when style.css is loaded', async () => {
    const warn = vi.spyOn(console, 'warn');
    startConsent();
    await banner();
    expect(warn).not.toHaveBeenCalled();
  });
});
