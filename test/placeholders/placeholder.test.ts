import { fireEvent, screen, within } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import { decodeConsent } from '../../src/core/codec';
import { resolveConfig } from '../../src/core/config';
import { sendToConsentLog } from '../../src/integrations/consent-log';
import { resolveTexts } from '../../src/ui/texts/resolve-texts';
import { createMemoryStorage } from '../../src/storage/memory';
import type { EmbedEventDetail } from '../../src/placeholders/embeds';
import { decidedStorage } from '../ui/start-consent';
import { CONFIG, settle, startPage } from './start-page';

const frame = (src: string, title: string, consent = 'marketing', more = '') =>
  `<iframe data-consent="${consent}" data-src="${src}" title="${title}" width="560" height="315" ${more}></iframe>`;
const VIDEO = frame('https://www.youtube-nocookie.com/embed/a', 'Video: how to put your bins out');
const MAP = frame('https://www.google.com/maps/embed?pb=1', 'Map of the depot');
const group = (name: string) => screen.findByRole('group', { name });
const iframe = (title: string) => document.querySelector<HTMLIFrameElement>(`iframe[title="${title}"]`)!;
const placeholders = () => document.querySelectorAll('.bc-placeholder');

describe('an embed placeholder', () => {
  it('is a group named by the element’s title that says who serves it and which cookies it may set, with two buttons', async () => {
    startPage(VIDEO);
    const placeholder = await group('Video: how to put your bins out');
    expect(placeholder.textContent).toContain('This content is provided by YouTube. It may set Marketing cookies.');
    const buttons = within(placeholder).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Load this content', 'Accept Marketing cookies']);
    expect(buttons.map((button) => button.className)).toEqual(['bc-button', 'bc-button']);
    // Each "Load this content" on a page says what it loads.
    expect(within(placeholder).getByRole('button', { name: 'Load this content', description: 'Video: how to put your bins out' })).toBeTruthy();
    // In the element's place: just before it, the element hidden meanwhile.
    expect(placeholder.nextElementSibling).toBe(iframe('Video: how to put your bins out'));
    expect(iframe('Video: how to put your bins out').style.getPropertyValue('display')).toBe('none');
  });

  it('takes the box of the element it stands for', async () => {
    startPage(VIDEO);
    const placeholder = await group('Video: how to put your bins out');
    // jsdom lays nothing out: the ratio of the width and height attributes.
    expect(placeholder.style.getPropertyValue('aspect-ratio')).toBe('560 / 315');
    expect(placeholder.style.getPropertyValue('width')).toBe('560px');
  });

  it('names an element without a title "Embedded content", and gives a frame that name', async () => {
    startPage('<iframe data-consent="marketing" data-src="https://example.org/widget"></iframe>');
    const placeholder = await group('Embedded content');
    expect(placeholder.textContent).toContain('This content is provided by example.org.');
    expect(document.querySelector('iframe')!.title).toBe('Embedded content');
  });

  it('leaves the provider out when it cannot tell who serves the content', async () => {
    startPage(
      '<div data-consent="marketing" data-consent-placeholder title="Latest posts"><script type="text/plain" data-consent="marketing">1</script></div>',
    );
    expect((await group('Latest posts')).textContent).not.toContain('provided by');
  });

  it('renders titles and provider names as text, never as HTML', async () => {
    startPage(frame('/v', '<img src=x onerror=alert(1)>', 'marketing', 'data-consent-provider="<b>Evil</b>"'));
    const placeholder = await group('<img src=x onerror=alert(1)>');
    expect(placeholder.querySelector('img, b')).toBeNull();
    expect(placeholder.textContent).toContain('provided by <b>Evil</b>.');
  });

  it('names every category an element waits for, and "Accept" grants them all', async () => {
    const { consent } = startPage(frame('/v', 'Both', 'marketing analytics'));
    const placeholder = await group('Both');
    expect(placeholder.textContent).toContain('It may set Marketing cookies and Analytics cookies.');
    fireEvent.click(within(placeholder).getByRole('button', { name: 'Accept Marketing cookies and Analytics cookies' }));
    expect(consent.get().categories).toMatchObject({ marketing: true, analytics: true });
  });

  it('names only what is still missing', async () => {
    const { consent } = startPage(frame('/v', 'Both', 'marketing analytics'));
    await group('Both');
    void consent.save({ analytics: true });
    await vi.waitFor(() => expect(screen.getByRole('group', { name: 'Both' }).textContent).toContain('It may set Marketing cookies.'));
    expect(screen.getByRole('button', { name: 'Accept Marketing cookies' })).toBeTruthy();
  });

  it('offers no "Accept" for a category the config does not have', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    startPage(frame('/v', 'Typo', 'marketting'));
    const placeholder = await group('Typo');
    expect(
      within(placeholder)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Load this content']);
  });

  it('speaks Welsh on a Welsh page', async () => {
    document.documentElement.lang = 'cy';
    startPage(VIDEO);
    const placeholder = await group('Video: how to put your bins out');
    expect(placeholder.textContent).toContain('Darperir y cynnwys hwn gan YouTube. Gall osod Cwcis marchnata.');
    expect(
      within(placeholder)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Llwytho’r cynnwys hwn', 'Derbyn Cwcis marchnata']);
  });

  it('takes its words from texts, whose placeholder keys are known ones', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    startPage(VIDEO, {
      config: { ...CONFIG, texts: { en: { placeholderLoad: 'Watch this video', placeholderCookies: 'It needs {category}.' } } },
    });
    const placeholder = await group('Video: how to put your bins out');
    expect(placeholder.textContent).toContain('It needs Marketing cookies.');
    expect(within(placeholder).getByRole('button', { name: 'Watch this video' })).toBeTruthy();
    // The banner's chunk resolves the same texts and warns about unknown keys: not these.
    await resolveTexts(resolveConfig({ texts: { en: { placeholderLoad: 'Watch this video' } } }), 'en');
    expect(warn).not.toHaveBeenCalledWith(expect.stringContaining('unknown text keys'));
  });
});

describe('"Load this content"', () => {
  it('loads only that element, saves nothing and moves focus to it', async () => {
    const { consent, storage } = startPage(VIDEO + MAP);
    fireEvent.click(within(await group('Video: how to put your bins out')).getByRole('button', { name: 'Load this content' }));
    const video = iframe('Video: how to put your bins out');
    expect(video.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/a');
    expect(video.hasAttribute('style')).toBe(false);
    expect(document.activeElement).toBe(video);
    expect(iframe('Map of the depot').hasAttribute('src')).toBe(false);
    expect(placeholders()).toHaveLength(1);
    expect(consent.decided).toBe(false);
    expect(consent.allowed('marketing')).toBe(false);
    expect(storage.read()).toBeUndefined();
  });

  it('loads what is blocked inside the element too: a widget’s script and images', async () => {
    startPage(
      '<div data-consent="marketing" data-consent-placeholder title="Latest posts"><img data-consent="marketing" data-src="/avatar.png" alt=""><script type="text/plain" data-consent="marketing">1</script></div>',
    );
    fireEvent.click(within(await group('Latest posts')).getByRole('button', { name: 'Load this content' }));
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/avatar.png');
    expect(document.querySelector('script')!.hasAttribute('type')).toBe(false);
    expect(placeholders()).toHaveLength(0);
    // A box that takes no focus of its own takes it for the moment, so focus is not lost.
    expect(document.activeElement).toBe(document.querySelector('div[title="Latest posts"]'));
  });

  it('gives the element back its own inline display', async () => {
    startPage(frame('/v', 'Styled', 'marketing', 'style="display: block"'));
    fireEvent.click(within(await group('Styled')).getByRole('button', { name: 'Load this content' }));
    expect(iframe('Styled').getAttribute('style')).toBe('display: block;');
  });

  it('sends the element back to its placeholder when a choice refuses what it needs', async () => {
    const { consent } = startPage(VIDEO);
    fireEvent.click(within(await group('Video: how to put your bins out')).getByRole('button', { name: 'Load this content' }));
    void consent.rejectAll({ source: 'banner' });
    expect(await group('Video: how to put your bins out')).toBeTruthy();
    expect(iframe('Video: how to put your bins out').hasAttribute('src')).toBe(false);
  });

  it('keeps the element loaded when another placeholder’s "Accept" grants something else', async () => {
    startPage(VIDEO + frame('/stats', 'Chart', 'analytics'));
    fireEvent.click(within(await group('Video: how to put your bins out')).getByRole('button', { name: 'Load this content' }));
    fireEvent.click(within(await group('Chart')).getByRole('button', { name: 'Accept Analytics cookies' }));
    expect(iframe('Video: how to put your bins out').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/a');
    expect(placeholders()).toHaveLength(0);
  });

  it('never loads a javascript: address, and says so on the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    startPage(frame('javascript:window.hacked=1', 'Hostile'));
    const placeholder = await group('Hostile');
    expect(placeholder.textContent).not.toContain('provided by');
    const load = within(placeholder).getByRole('button', { name: 'Load this content' });
    load.focus();
    fireEvent.click(load);
    expect(iframe('Hostile').hasAttribute('src')).toBe(false);
    expect(placeholders()).toHaveLength(1);
    expect(document.activeElement).toBe(load);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/stays blocked.*javascript:/), iframe('Hostile'));
  });
});

describe('"Accept <category>"', () => {
  it('grants the category, saved with source "placeholder", and loads every element waiting for it', async () => {
    const { consent, storage } = startPage(VIDEO + MAP + frame('/stats', 'Chart', 'analytics'));
    fireEvent.click(within(await group('Map of the depot')).getByRole('button', { name: 'Accept Marketing cookies' }));
    expect(consent.get()).toMatchObject({ decided: true, source: 'placeholder', categories: { marketing: true, analytics: false } });
    expect(document.activeElement).toBe(iframe('Map of the depot'));
    await settle();
    expect(iframe('Video: how to put your bins out').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/a');
    expect(iframe('Map of the depot').getAttribute('src')).toBe('https://www.google.com/maps/embed?pb=1');
    expect(placeholders()).toHaveLength(1);
    expect(decodeConsent(storage.read())).toMatchObject({ source: 'placeholder', choices: { marketing: true, analytics: false } });
  });

  it('records the grant in the consent log like any choice, with source "placeholder"', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    try {
      const { consent } = startPage(VIDEO, { log: (record) => sendToConsentLog('/consent-log', record) });
      fireEvent.click(within(await group('Video: how to put your bins out')).getByRole('button', { name: 'Accept Marketing cookies' }));
      await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
      const [url, init] = fetch.mock.calls[0]!;
      expect(url).toBe('/consent-log');
      expect(JSON.parse(init.body as string)).toEqual({
        id: consent.get().id,
        updatedAt: consent.get().updatedAt,
        revision: 0,
        categories: { essential: true, marketing: true, analytics: false },
        // Every body lists the categories on under a UK exemption (issue 14): none here.
        exempt: [],
        source: 'placeholder',
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('withdrawal', () => {
  it('puts loaded embeds back behind their placeholders, their addresses taken away, and loads them again on a new grant', async () => {
    const { consent } = startPage(VIDEO + MAP, { storage: await decidedStorage(CONFIG) });
    await settle();
    expect(placeholders()).toHaveLength(0);
    void consent.save({ marketing: false });
    await vi.waitFor(() => expect(placeholders()).toHaveLength(2));
    for (const title of ['Video: how to put your bins out', 'Map of the depot']) {
      expect(iframe(title).hasAttribute('src')).toBe(false);
      expect(iframe(title).getAttribute('data-src')).toMatch(/^https:/);
    }
    void consent.save({ marketing: true });
    expect(placeholders()).toHaveLength(0);
    expect(iframe('Map of the depot').getAttribute('src')).toBe('https://www.google.com/maps/embed?pb=1');
  });

  it('also takes away an address the page gave an embed that is not allowed', async () => {
    startPage('<iframe data-consent="marketing" src="https://www.youtube.com/embed/a" title="Unblocked"></iframe>');
    await group('Unblocked');
    expect(iframe('Unblocked').hasAttribute('src')).toBe(false);
    expect(iframe('Unblocked').getAttribute('data-src')).toBe('https://www.youtube.com/embed/a');
  });
});

describe('elements the page moves or removes', () => {
  it('keeps the placeholder just before its element, and removes it with the element', async () => {
    startPage(`<div id="a">${VIDEO}</div><div id="b"></div>`);
    const placeholder = await group('Video: how to put your bins out');
    document.getElementById('b')!.append(iframe('Video: how to put your bins out'));
    await vi.waitFor(() => expect(placeholder.parentElement!.id).toBe('b'));
    iframe('Video: how to put your bins out').remove();
    await vi.waitFor(() => expect(placeholders()).toHaveLength(0));
  });
});

describe('the biscuit:embed event', () => {
  it('tells the page, and lets it draw its own placeholder', async () => {
    const seen: EmbedEventDetail[] = [];
    const listener = (event: Event) => {
      seen.push((event as CustomEvent<EmbedEventDetail>).detail);
      event.preventDefault();
    };
    document.addEventListener('biscuit:embed', listener);
    try {
      const { consent } = startPage(VIDEO);
      await vi.waitFor(() => expect(seen).toHaveLength(1));
      expect(seen[0]).toMatchObject({ blocked: true, categories: ['marketing'] });
      expect(placeholders()).toHaveLength(0);
      expect(iframe('Video: how to put your bins out').hasAttribute('style')).toBe(false);
      seen[0]!.load();
      expect(iframe('Video: how to put your bins out').hasAttribute('src')).toBe(true);
      expect(seen[1]).toMatchObject({ blocked: false, categories: [] });
      expect(consent.decided).toBe(false);
    } finally {
      document.removeEventListener('biscuit:embed', listener);
    }
  });

  it('is all the headless build gives: no placeholder, an accept that grants', async () => {
    const seen: EmbedEventDetail[] = [];
    const listener = (event: Event) => seen.push((event as CustomEvent<EmbedEventDetail>).detail);
    document.addEventListener('biscuit:embed', listener);
    try {
      const { consent } = startPage(VIDEO, { load: () => import('../../src/placeholders/embeds') });
      await vi.waitFor(() => expect(seen).toHaveLength(1));
      expect(placeholders()).toHaveLength(0);
      await seen[0]!.accept();
      expect(consent.get()).toMatchObject({ source: 'placeholder', categories: { marketing: true } });
      expect(seen[1]).toMatchObject({ blocked: false });
    } finally {
      document.removeEventListener('biscuit:embed', listener);
    }
  });
});

describe('the entries', () => {
  it('"biscuit-consent" draws placeholders', async () => {
    const { createConsent } = await import('../../src/entries/index');
    document.body.innerHTML = VIDEO;
    const consent = createConsent({ ...CONFIG, storage: createMemoryStorage() });
    try {
      expect(await group('Video: how to put your bins out')).toBeTruthy();
    } finally {
      consent.destroy();
    }
    // Taken away with the instance.
    await vi.waitFor(() => expect(placeholders()).toHaveLength(0));
    expect(iframe('Video: how to put your bins out').hasAttribute('style')).toBe(false);
  });

  it('"biscuit-consent/core" tells the page with biscuit:embed and draws nothing', async () => {
    const { createConsent } = await import('../../src/entries/headless');
    const seen: EmbedEventDetail[] = [];
    const listener = (event: Event) => seen.push((event as CustomEvent<EmbedEventDetail>).detail);
    document.addEventListener('biscuit:embed', listener);
    document.body.innerHTML = VIDEO;
    const consent = createConsent({ ...CONFIG, storage: createMemoryStorage() });
    try {
      await vi.waitFor(() => expect(seen).toHaveLength(1));
      expect(seen[0]).toMatchObject({ blocked: true, categories: ['marketing'] });
      expect(placeholders()).toHaveLength(0);
    } finally {
      consent.destroy();
      document.removeEventListener('biscuit:embed', listener);
    }
  });
});
