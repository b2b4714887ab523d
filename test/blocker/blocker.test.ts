import { afterEach, describe, expect, it, vi } from 'vitest';
import { blocker } from '../../src/blocker';
import { resolveConfig, type ConsentConfig } from '../../src/core/config';
import { createStore } from '../../src/core/store';
import type { Consent } from '../../src/core/consent';
import type { Capabilities } from '../../src/core/plugin';
import { createDomWatcher } from '../../src/dom/watcher';
import { createMemoryStorage } from '../../src/storage/memory';
import { writeChoice } from '../../src/storage/write-choice';

/*
 * jsdom will not run a script it once saw as text/plain, so these tests watch
 * activations instead: the blocker re-inserts each script with its real type,
 * which is when a browser runs it. test/browser/blocker.test.ts checks that
 * Chromium really runs them, in this order.
 */
let activations: string[] = [];
const watcher = new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of Array.from(mutation.addedNodes)) {
      if (node instanceof HTMLScriptElement && node.type != 'text/plain') activations.push(node.text.match(/^\/\* ran:(.*) \*\/$/)?.[1] ?? node.id);
    }
  }
});
watcher.observe(document.documentElement, { childList: true, subtree: true });
/** The blocked scripts activated so far, in order. */
const ran = () => activations;
/** The text of a blocked script: a comment naming it for `ran()`, harmless if jsdom does run it. */
const report = (name: string) => `/* ran:${name} */`;

const instances: Consent[] = [];

/** What the blocker offers the other plugins, from the last `setup`. */
let offered: Partial<Capabilities> = {};

function setup(html: string, config: ConsentConfig = { categories: { analytics: {}, marketing: {} } }, nonce?: string) {
  document.body.innerHTML = html;
  activations = [];
  const consent = createStore({
    config: resolveConfig(config),
    storage: createMemoryStorage(),
    write: writeChoice,
    plugins: [
      blocker({ watcher: createDomWatcher(), nonce }),
      (_, _onApply, _provide, use) => void (offered = { activate: (element) => use('activate')!(element) }),
    ],
  });
  instances.push(consent);
  return consent;
}

/** Lets queued activations run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const activeScripts = () => Array.from(document.querySelectorAll('script')).filter((script) => script.type != 'text/plain');

afterEach(() => {
  instances.splice(0).forEach((consent) => consent.destroy());
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('blocked scripts', () => {
  it('never runs a blocked script before consent, and runs it once granted', async () => {
    const consent = setup(`<script type="text/plain" data-consent="analytics">${report('analytics')}</script>`);
    await settle();
    expect(ran()).toEqual([]);
    await consent.save({ analytics: true });
    await settle();
    expect(ran()).toEqual(['analytics']);
  });

  it('activates as soon as the choice applies, without waiting for the cookie write', async () => {
    document.body.innerHTML = `<script type="text/plain" data-consent="analytics">${report('analytics')}</script>`;
    activations = [];
    const consent = createStore({
      config: resolveConfig({ categories: { analytics: {} } }),
      // A write that never finishes: the choice still applies to this page view.
      storage: { read: () => undefined, write: () => new Promise<void>(() => {}), remove: () => {} },
      write: writeChoice,
      plugins: [blocker({ watcher: createDomWatcher() })],
    });
    instances.push(consent);
    void consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['analytics']);
  });

  it('runs a script already granted on load (a returning visitor)', async () => {
    const storage = createMemoryStorage();
    await createStore({ config: resolveConfig({}), storage, write: writeChoice }).acceptAll();
    document.body.innerHTML = `<script type="text/plain" data-consent="analytics">${report('returning')}</script>`;
    activations = [];
    instances.push(createStore({ config: resolveConfig({}), storage, write: writeChoice, plugins: [blocker({ watcher: createDomWatcher() })] }));
    await settle();
    expect(ran()).toEqual(['returning']);
  });

  it('stays blocked when refused', async () => {
    const consent = setup(`<script type="text/plain" data-consent="analytics">${report('x')}</script>`);
    await consent.rejectAll();
    await settle();
    expect(ran()).toEqual([]);
  });

  it('needs every listed category', async () => {
    const consent = setup(`
      <script type="text/plain" data-consent="analytics marketing">${report('both-space')}</script>
      <script type="text/plain" data-consent="analytics,marketing">${report('both-comma')}</script>`);
    await consent.save({ analytics: true });
    await settle();
    expect(ran()).toEqual([]);
    await consent.save({ marketing: true });
    await settle();
    expect(ran()).toEqual(['both-space', 'both-comma']);
  });

  it('never activates an element whose data-consent is empty or names an unknown category', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = setup(`
      <script type="text/plain" data-consent="">${report('empty')}</script>
      <script type="text/plain" data-consent="analytcs">${report('typo')}</script>
      <script type="text/plain" data-consent="analytcs">${report('typo again')}</script>`);
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith('biscuit-consent: data-consent names unknown category "analytcs"; it will stay blocked');
  });

  it('runs each script once, however many times consent changes', async () => {
    const consent = setup(`<script type="text/plain" data-consent="analytics">${report('once')}</script>`);
    await consent.acceptAll();
    await consent.rejectAll();
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['once']);
  });

  it('keeps the attributes and takes its real type from data-type', async () => {
    const consent = setup(`<script type="text/plain" data-consent="analytics" data-type="module" id="tag" class="tracking"
      data-site="7" nonce="abc" integrity="sha384-x" crossorigin="anonymous" referrerpolicy="no-referrer" defer
      src="https://example.com/analytics.js"></script>`);
    await consent.acceptAll();
    await settle();
    const script = document.getElementById('tag') as HTMLScriptElement;
    expect(script.type).toBe('module');
    expect(script.className).toBe('tracking');
    expect(script.dataset.site).toBe('7');
    expect(script.nonce).toBe('abc');
    expect(script.getAttribute('integrity')).toBe('sha384-x');
    expect(script.getAttribute('crossorigin')).toBe('anonymous');
    expect(script.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(script.hasAttribute('defer')).toBe(true);
    expect(script.src).toBe('https://example.com/analytics.js');
  });

  it('defaults to classic JavaScript without data-type', async () => {
    const consent = setup(`<script type="text/plain" data-consent="analytics" id="tag">${report('1')}</script>`);
    await consent.acceptAll();
    await settle();
    expect(document.getElementById('tag')!.hasAttribute('type')).toBe(false);
  });

  it('on a page with a nonce, activates only blocked scripts that carry it, and warns once about each other one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = setup(
      `<script type="text/plain" data-consent="analytics" nonce="page-nonce">${report('own nonce')}</script>
       <script type="text/plain" data-consent="analytics">${report('injected, no nonce')}</script>
       <script type="text/plain" data-consent="analytics" nonce="guess">${report('injected, wrong nonce')}</script>
       <script type="text/plain" data-consent="essential" src="https://evil.example/x.js" id="evil"></script>`,
      {},
      'page-nonce',
    );
    await settle();
    expect(ran()).toEqual([]);
    await consent.acceptAll();
    await consent.rejectAll();
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['own nonce']);
    expect(warn).toHaveBeenCalledTimes(3);
    for (const [message] of warn.mock.calls) {
      expect(message).toBe('biscuit-consent: this stays blocked: render the page\'s CSP nonce on it (nonce="…")');
    }
    expect(document.getElementById('evil')!.getAttribute('type')).toBe('text/plain');
  });

  it('on a page without a nonce, activates blocked scripts whatever nonce they carry', async () => {
    const consent = setup(
      `<script type="text/plain" data-consent="analytics">${report('none')}</script>
       <script type="text/plain" data-consent="analytics" nonce="own">${report('own')}</script>`,
    );
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['none', 'own']);
  });

  it('refuses a blocked script whose src is a javascript:, vbscript: or data: URL', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = setup(`
      <script type="text/plain" data-consent="analytics" src="data:text/javascript,1" id="data"></script>
      <script type="text/plain" data-consent="analytics" src=" JavaScript:1" id="js"></script>
      <script type="text/plain" data-consent="analytics">${report('after')}</script>`);
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['after']);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('runs scripts in document order, an external classic script finishing before the next one', async () => {
    const consent = setup(`
      <script type="text/plain" data-consent="analytics">${report('inline 1')}</script>
      <script type="text/plain" data-consent="analytics" src="https://example.com/lib.js" id="lib"></script>
      <script type="text/plain" data-consent="analytics">${report('inline 2 uses lib')}</script>
      <script type="text/plain" data-consent="analytics" src="https://example.com/async.js" async id="async"></script>
      <script type="text/plain" data-consent="analytics">${report('inline 3')}</script>`);
    await consent.acceptAll();
    await settle();
    // jsdom does not fetch, so the library "loads" when we say so; until then
    // nothing after it is activated.
    expect(ran()).toEqual(['inline 1', 'lib']);
    document.getElementById('lib')!.dispatchEvent(new Event('load'));
    await settle();
    // An async script does not hold up the ones after it.
    expect(ran()).toEqual(['inline 1', 'lib', 'inline 2 uses lib', 'async', 'inline 3']);
    // Each stayed where it was in the page.
    expect(activeScripts().map((script) => script.id || 'inline')).toEqual(['inline', 'lib', 'inline', 'async', 'inline']);
  });

  it('carries on after an external script fails to load', async () => {
    const consent = setup(`
      <script type="text/plain" data-consent="analytics" src="https://blocked.example/x.js" id="x"></script>
      <script type="text/plain" data-consent="analytics">${report('after')}</script>`);
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['x']);
    document.getElementById('x')!.dispatchEvent(new Event('error'));
    await settle();
    expect(ran()).toEqual(['x', 'after']);
  });

  it('picks up blocked scripts the page adds later', async () => {
    const consent = setup('<main></main>');
    await consent.acceptAll();
    const widget = document.createElement('div');
    widget.innerHTML = '<p>Widget</p>';
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.consent = 'analytics';
    script.text = report('late');
    widget.append(script);
    document.querySelector('main')!.append(widget);
    await settle();
    expect(ran()).toEqual(['late']);
  });

  it('picks them up however the page adds them: beside text, or after other changes in the same task', async () => {
    const consent = setup('<main></main>');
    await consent.acceptAll();
    const blocked = (name: string) => {
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.dataset.consent = 'analytics';
      script.text = report(name);
      return script;
    };
    const main = document.querySelector('main')!;
    // One change that adds a text node and a script together.
    main.append('Some text', blocked('beside text'));
    await settle();
    expect(ran()).toEqual(['beside text']);
    // In one task: a change that adds nothing of interest, then one that does.
    main.append(document.createElement('p'));
    main.append(blocked('after a paragraph'));
    await settle();
    expect(ran()).toEqual(['beside text', 'after a paragraph']);
  });

  it('leaves alone, without an error, a blocked script the page removed before its turn', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const consent = setup(`
      <script type="text/plain" data-consent="analytics" id="gone">${report('gone')}</script>
      <script type="text/plain" data-consent="analytics">${report('still here')}</script>`);
    void consent.acceptAll();
    // Removed after the choice applied, before the queued activation ran.
    document.getElementById('gone')!.remove();
    await settle();
    expect(ran()).toEqual(['still here']);
    expect(reportError).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('warns about no category the config names', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = setup(`<script type="text/plain" data-consent="analytics marketing essential">${report('all')}</script>`);
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['all']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('checks consent again just before each activation: acceptAll(); rejectAll(); in one task runs nothing', async () => {
    const consent = setup(`<script type="text/plain" data-consent="analytics">${report('analytics')}</script>`);
    void consent.acceptAll();
    void consent.rejectAll();
    await settle();
    expect(ran()).toEqual([]);
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['analytics']);
  });

  it('runs a script once when the page moves it while it waits its turn', async () => {
    const consent = setup(`<main>
      <script type="text/plain" data-consent="analytics" src="https://example.com/lib.js" id="lib"></script>
      <script type="text/plain" data-consent="analytics" id="later">${report('later')}</script></main>`);
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['lib']);
    // Queued behind the loading library, it is moved: the watcher reports it again.
    document.querySelector('main')!.append(document.getElementById('later')!);
    await settle();
    document.getElementById('lib')!.dispatchEvent(new Event('load'));
    await settle();
    expect(ran()).toEqual(['lib', 'later']);
  });

  it('runs nothing queued behind a loading script once consent is withdrawn, and runs it after a new grant', async () => {
    const consent = setup(`
      <script type="text/plain" data-consent="analytics" src="https://example.com/lib.js" id="lib"></script>
      <script type="text/plain" data-consent="analytics">${report('sets _ga')}</script>`);
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['lib']);
    await consent.rejectAll();
    document.getElementById('lib')!.dispatchEvent(new Event('load'));
    await settle();
    expect(ran()).toEqual(['lib']);
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['lib', 'sets _ga']);
  });

  it('carries on with the next element when one cannot be activated', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const setAttribute = Element.prototype.setAttribute;
    vi.spyOn(Element.prototype, 'setAttribute').mockImplementation(function (this: Element, name: string, value: string) {
      if (name == 'src') throw new TypeError('This document requires TrustedScriptURL assignment.');
      setAttribute.call(this, name, value);
    });
    const consent = setup(`<embed data-consent="analytics" data-src="https://example.com/x">
      <script type="text/plain" data-consent="analytics">${report('after')}</script>`);
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['after']);
  });

  it('runs scripts found at different times in the order of the page', async () => {
    const consent = setup(`<main></main><script type="text/plain" data-consent="analytics">${report('end of page')}</script>`);
    document.querySelector('main')!.innerHTML = `<script type="text/plain" data-consent="analytics">${report('added later, higher up')}</script>`;
    await settle();
    await consent.acceptAll();
    await settle();
    expect(ran()).toEqual(['added later, higher up', 'end of page']);
  });

  it('stops watching after destroy', async () => {
    const consent = setup('<main></main>');
    consent.destroy();
    await consent.acceptAll();
    document.querySelector('main')!.innerHTML = `<script type="text/plain" data-consent="analytics">${report('1')}</script>`;
    await settle();
    expect(ran()).toEqual([]);
  });
});

describe('blocked embeds', () => {
  it('loads an iframe only when its categories are granted', async () => {
    const consent = setup('<iframe data-consent="marketing" data-src="https://video.example/embed/1" title="Video"></iframe>');
    const frame = document.querySelector('iframe')!;
    await settle();
    expect(frame.hasAttribute('src')).toBe(false);
    await consent.save({ analytics: true });
    await settle();
    expect(frame.hasAttribute('src')).toBe(false);
    await consent.save({ marketing: true });
    await settle();
    expect(frame.getAttribute('src')).toBe('https://video.example/embed/1');
    expect(frame.hasAttribute('data-src')).toBe(false);
    expect(frame.title).toBe('Video');
  });

  it('loads one element on request, saving nothing and leaving the others blocked', async () => {
    const consent = setup(
      '<iframe id="one" data-consent="marketing" data-src="https://video.example/embed/1" title="One"></iframe>' +
        '<iframe id="two" data-consent="marketing" data-src="https://video.example/embed/2" title="Two"></iframe>',
    );
    offered.activate!(document.getElementById('one')!);
    await settle();
    expect(document.getElementById('one')!.getAttribute('src')).toBe('https://video.example/embed/1');
    expect(document.getElementById('two')!.hasAttribute('src')).toBe(false);
    expect(consent.allowed('marketing')).toBe(false);
    expect(consent.decided).toBe(false);
  });

  it('loads nothing on request that no page may run: a javascript: URL, a script without the page nonce', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    setup(
      `<iframe id="js" data-consent="marketing" data-src="javascript:parent.xss=1" title="One"></iframe>
       <script type="text/plain" data-consent="marketing" id="bare">${report('no nonce')}</script>`,
      {},
      'page-nonce',
    );
    offered.activate!(document.getElementById('js')!);
    offered.activate!(document.getElementById('bare')!);
    await settle();
    expect(document.getElementById('js')!.hasAttribute('src')).toBe(false);
    expect(ran()).toEqual([]);
  });

  it.each([
    ['a javascript: URL', 'javascript:parent.xss=1'],
    ['a javascript: URL in mixed case, with spaces and control characters', ' \u0001JaVa\tScRiPt\n:parent.xss=1'],
    ['a vbscript: URL', 'VBScript:msgbox(1)'],
    ['a data: URL into a frame', 'data:text/html,<script>parent.xss=1</script>'],
  ])('never loads %s from data-src, and says why', async (_, url) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = setup('<iframe data-consent="analytics" title="Video"></iframe><img alt="" data-consent="analytics" data-src="/ok.png">');
    document.querySelector('iframe')!.setAttribute('data-src', url);
    await consent.acceptAll();
    await settle();
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false);
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/ok.png');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toBe('biscuit-consent: this stays blocked: no javascript:, vbscript: or data: URLs');
  });

  it('checks every candidate of data-srcset, and lets images keep data: URLs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = setup(`
      <img alt="" id="bad" data-consent="analytics" data-srcset="/a.png 1x, javascript:alert(1) 2x">
      <img alt="" id="good" data-consent="analytics" data-src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-srcset="/a.png 1x,/b,c.png 2x">`);
    await consent.acceptAll();
    await settle();
    expect(document.getElementById('bad')!.hasAttribute('srcset')).toBe(false);
    expect(document.getElementById('good')!.getAttribute('src')).toBe('data:image/gif;base64,R0lGODlhAQABAAAAACw=');
    expect(document.getElementById('good')!.getAttribute('srcset')).toBe('/a.png 1x,/b,c.png 2x');
    expect(warn).toHaveBeenCalledOnce();
  });

  it('loads an iframe data-srcdoc only when its categories are granted', async () => {
    const consent = setup('<iframe data-consent="marketing" data-srcdoc="<p>Hello</p>" title="Widget"></iframe>');
    const frame = document.querySelector('iframe')!;
    await consent.save({ analytics: true });
    await settle();
    expect(frame.hasAttribute('srcdoc')).toBe(false);
    await consent.save({ marketing: true });
    await settle();
    expect(frame.getAttribute('srcdoc')).toBe('<p>Hello</p>');
    expect(frame.hasAttribute('data-srcdoc')).toBe(false);
  });

  it('on a page with a nonce, loads a data-srcdoc only into a frame that carries it (its HTML runs as the page)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = setup(
      `<iframe id="own" nonce="page-nonce" data-consent="analytics" data-srcdoc="<p>Own</p>" title="Own"></iframe>
       <iframe id="injected" data-consent="analytics" data-srcdoc="<script>parent.xss=1</script>" title="Injected"></iframe>`,
      {},
      'page-nonce',
    );
    await consent.acceptAll();
    await settle();
    expect(document.getElementById('own')!.getAttribute('srcdoc')).toBe('<p>Own</p>');
    expect(document.getElementById('injected')!.hasAttribute('srcdoc')).toBe(false);
  });

  it('gives an element only the attributes it had as data-*: no srcset or srcdoc made up from nothing', async () => {
    const consent = setup(
      '<img alt="" data-consent="marketing" data-src="https://ads.example/a.png"><iframe data-consent="marketing" data-src="https://video.example/1" title="Video"></iframe>',
    );
    await consent.acceptAll();
    await settle();
    const img = document.querySelector('img')!;
    const frame = document.querySelector('iframe')!;
    expect(img.getAttribute('src')).toBe('https://ads.example/a.png');
    expect(frame.getAttribute('src')).toBe('https://video.example/1');
    expect([img.hasAttribute('srcset'), frame.hasAttribute('srcset'), frame.hasAttribute('srcdoc')]).toEqual([false, false, false]);
  });

  it('loads a URL that only mentions a scheme later on (in its query), and refuses data: in a <frame> too', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = setup(`
      <iframe id="query" data-consent="analytics" data-src="https://video.example/embed?next=javascript:void(0)&type=data:x" title="Video"></iframe>
      <img alt="" id="img" data-consent="analytics" data-srcset="/a.png?from=vbscript:x 1x">`);
    const frame = document.createElement('frame');
    frame.dataset.consent = 'analytics';
    frame.dataset.src = 'data:text/html,<script>parent.xss=1</script>';
    document.body.append(frame);
    await consent.acceptAll();
    await settle();
    expect(document.getElementById('query')!.getAttribute('src')).toBe('https://video.example/embed?next=javascript:void(0)&type=data:x');
    expect(document.getElementById('img')!.getAttribute('srcset')).toBe('/a.png?from=vbscript:x 1x');
    expect(frame.hasAttribute('src')).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('on a page with a nonce, still loads embeds by URL, which need no nonce (only scripts and srcdoc run as the page)', async () => {
    const consent = setup('<iframe data-consent="marketing" data-src="https://video.example/1" title="Video"></iframe>', undefined, 'page-nonce');
    await consent.acceptAll();
    await settle();
    expect(document.querySelector('iframe')!.getAttribute('src')).toBe('https://video.example/1');
  });

  it('loads an element that left the page while it waited once it is back, when its categories were granted meanwhile', async () => {
    const consent = setup('<main><iframe data-consent="marketing" data-src="https://video.example/embed/1" title="Video"></iframe></main>');
    const frame = document.querySelector('iframe')!;
    await settle();
    // Taken out (a carousel, say) before the visitor grants.
    frame.remove();
    await consent.acceptAll();
    await settle();
    expect(frame.hasAttribute('src')).toBe(false);
    document.querySelector('main')!.append(frame);
    await settle();
    expect(frame.getAttribute('src')).toBe('https://video.example/embed/1');
  });

  it('loads an element given its data-src after it was found, at the next choice, even with its categories granted when it was found', async () => {
    const consent = setup('<main></main>');
    await consent.save({ marketing: true });
    const image = document.createElement('img');
    image.alt = '';
    image.dataset.consent = 'marketing';
    document.querySelector('main')!.append(image);
    await settle();
    // The page fills it in later (an attribute change, which no watcher looks for) ...
    image.dataset.src = 'https://ads.example/a.png';
    // ... and it loads when the next choice applies.
    await consent.save({ analytics: true, marketing: true });
    await settle();
    expect(image.getAttribute('src')).toBe('https://ads.example/a.png');
  });

  it('also handles images with data-srcset', async () => {
    const consent = setup('<img alt="" data-consent="marketing" data-srcset="https://ads.example/a.png 1x">');
    await consent.acceptAll();
    await settle();
    expect(document.querySelector('img')!.getAttribute('srcset')).toBe('https://ads.example/a.png 1x');
  });
});

describe('categories with a UK exemption', () => {
  const uk = { categories: { analytics: { exemption: 'statistics' as const }, marketing: {} } };
  const html = `<script type="text/plain" data-consent="analytics">${report('analytics')}</script>`;

  it('runs their scripts once the visitor has been told', async () => {
    const consent = setup(html, uk);
    await settle();
    expect(ran()).toEqual([]);
    consent.noticeShown();
    await settle();
    expect(ran()).toEqual(['analytics']);
  });

  it('never runs them after an objection', async () => {
    const consent = setup(html, uk);
    await consent.rejectAll();
    consent.noticeShown();
    await settle();
    expect(ran()).toEqual([]);
  });
});
