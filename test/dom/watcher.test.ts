import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDomWatcher, type DomWatch } from '../../src/dom/watcher';

/** A page of its own whose parsing the test drives: `finish()` is the parser reaching the end. */
function loadingPage() {
  const page = document.implementation.createHTMLDocument('Loading');
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(page, 'readyState', { get: () => state, configurable: true });
  return {
    page,
    finish() {
      state = 'interactive';
      page.dispatchEvent(new Event('readystatechange'));
    },
    /** Everything the page loads has loaded (images, frames): `readyState` moves on once more. */
    complete() {
      state = 'complete';
      page.dispatchEvent(new Event('readystatechange'));
    },
  };
}

/** A watch that records what it was told, as ids. */
function recorder(selector = '[data-x]', removed = false) {
  const log: string[] = [];
  const watch: DomWatch = {
    selector,
    added: (elements) => log.push('+' + elements.map((element) => element.id).join(',')),
    ...(removed && { removed: (elements: Element[]) => log.push('-' + elements.map((element) => element.id).join(',')) }),
  };
  return { watch, log };
}

/** Lets MutationObserver callbacks run. */
const mutations = () => new Promise((resolve) => setTimeout(resolve, 0));

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the DOM watcher, on a parsed page', () => {
  it('reports what is in the page at once, in document order', () => {
    document.body.innerHTML = '<p id="a" data-x></p><div><p id="b" data-x></p></div><p id="c"></p><p id="d" data-x></p>';
    const { watch, log } = recorder();
    stops.push(createDomWatcher().watch(watch));
    expect(log).toEqual(['+a,b,d']);
  });

  it('then reports each added element and what is inside added subtrees, in document order, never looking through the whole page again', async () => {
    const { watch, log } = recorder();
    stops.push(createDomWatcher().watch(watch));
    const query = vi.spyOn(Element.prototype, 'querySelectorAll');
    document.body.insertAdjacentHTML('beforeend', '<section><p id="late1" data-x></p><p id="plain"></p></section>');
    document.body.insertAdjacentHTML('afterbegin', '<p id="first" data-x></p>');
    await mutations();
    // Markup is recognised when it is added; a later change of attributes is not watched (as before).
    document.body.append(Object.assign(document.createElement('p'), { id: 'late2' }));
    await mutations();
    document.getElementById('late2')!.setAttribute('data-x', '');
    await mutations();
    expect(log).toEqual(['+first,late1']);
    // Only the added subtrees were searched.
    expect(query.mock.contexts).not.toContain(document.documentElement);
    expect(query.mock.contexts).not.toContain(document.body);
  });

  it('reports an element once per batch even when it is reachable twice, and not at all when it left again', async () => {
    const { watch, log } = recorder();
    stops.push(createDomWatcher().watch(watch));
    const outer = document.createElement('div');
    document.body.append(outer);
    outer.innerHTML = '<p id="inner" data-x></p>';
    const gone = Object.assign(document.createElement('p'), { id: 'gone' });
    gone.setAttribute('data-x', '');
    document.body.append(gone);
    gone.remove();
    await mutations();
    expect(log).toEqual(['+inner']);
  });

  it('reports removals to the pieces that ask', async () => {
    document.body.innerHTML = '<div id="box"><p id="a" data-x></p></div>';
    const asking = recorder('[data-x]', true);
    const notAsking = recorder('[data-x]');
    const watcher = createDomWatcher();
    stops.push(watcher.watch(asking.watch), watcher.watch(notAsking.watch));
    document.getElementById('box')!.remove();
    await mutations();
    expect(asking.log).toEqual(['+a', '-a']);
    expect(notAsking.log).toEqual(['+a']);
  });

  it('gives each piece only the elements its selector matches, and a look of its own to a piece that comes later', async () => {
    document.body.innerHTML = '<p id="x" data-x></p><p id="y" data-y></p>';
    const x = recorder('[data-x]');
    const y = recorder('[data-y]');
    const watcher = createDomWatcher();
    stops.push(watcher.watch(x.watch));
    stops.push(watcher.watch(y.watch));
    document.body.insertAdjacentHTML('beforeend', '<p id="x2" data-x></p><p id="y2" data-y></p>');
    await mutations();
    expect(x.log).toEqual(['+x', '+x2']);
    expect(y.log).toEqual(['+y', '+y2']);
  });

  it('searches an added subtree once for pieces that look for the same selector, and tells each of them', async () => {
    const watcher = createDomWatcher();
    const blocker = recorder('[data-x]');
    const placeholders = recorder('[data-x]');
    const forms = recorder('[data-y]');
    stops.push(watcher.watch(blocker.watch), watcher.watch(placeholders.watch), watcher.watch(forms.watch));
    const query = vi.spyOn(Element.prototype, 'querySelectorAll');
    document.body.insertAdjacentHTML('beforeend', '<section><p id="a" data-x></p><p id="b" data-y></p></section>');
    await mutations();
    expect(blocker.log).toEqual(['+a']);
    expect(placeholders.log).toEqual(['+a']);
    expect(forms.log).toEqual(['+b']);
    // One query per selector, not one per piece.
    expect(query.mock.calls.map(([selector]) => selector).sort()).toEqual(['[data-x]', '[data-y]']);
  });

  it('keeps reporting to the other pieces when one throws', async () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => {});
    const watcher = createDomWatcher();
    const good = recorder();
    stops.push(
      watcher.watch({
        selector: '[data-x]',
        added: () => {
          throw new Error('broken piece');
        },
      }),
    );
    stops.push(watcher.watch(good.watch));
    document.body.insertAdjacentHTML('beforeend', '<p id="a" data-x></p>');
    await mutations();
    expect(good.log).toEqual(['+a']);
    expect(report).toHaveBeenCalledWith(new Error('broken piece'));
  });

  it('stops watching when the last piece unsubscribes', async () => {
    const { watch, log } = recorder();
    createDomWatcher().watch(watch)();
    document.body.insertAdjacentHTML('beforeend', '<p id="a" data-x></p>');
    await mutations();
    expect(log).toEqual([]);
  });
});

describe('the DOM watcher, while the page loads', () => {
  it('does no work for what the parser adds to <body>, looks once when parsing ends, then only at what is added', async () => {
    const { page, finish } = loadingPage();
    const { watch, log } = recorder();
    stops.push(createDomWatcher({ document: page }).watch(watch));
    const matches = vi.spyOn(Element.prototype, 'matches');
    const query = vi.spyOn(Element.prototype, 'querySelectorAll');
    for (let i = 0; i < 200; i++) page.body.insertAdjacentHTML('beforeend', `<div><p id="p${i}" ${i % 100 ? '' : 'data-x'}>Item</p></div>`);
    await mutations();
    expect(log).toEqual([]);
    expect(matches).not.toHaveBeenCalled();

    expect(query).not.toHaveBeenCalled();
    finish();
    expect(log).toEqual(['+p0,p100']);
    expect(query.mock.contexts).toEqual([page.documentElement]);
    page.body.insertAdjacentHTML('beforeend', '<p id="late" data-x></p>');
    await mutations();
    expect(log).toEqual(['+p0,p100', '+late']);
    // The one look at the whole page was the only one.
    expect(query.mock.contexts.filter((context) => context == page.documentElement || context == page.body)).toEqual([page.documentElement]);
  });

  it('sees what is in <head> at once and what the parser adds to it as it comes, so a blocked script there need not wait for the end of a long page', async () => {
    const { page, finish } = loadingPage();
    page.head.innerHTML = '<script id="early" type="text/plain" data-x></script>';
    const { watch, log } = recorder();
    stops.push(createDomWatcher({ document: page }).watch(watch));
    expect(log).toEqual(['+early']);
    page.head.insertAdjacentHTML('beforeend', '<meta charset="utf-8"><script id="parsed" type="text/plain" data-x></script>');
    await mutations();
    expect(log).toEqual(['+early', '+parsed']);
    finish();
    // The one look reports everything once more; the pieces keep their own record.
    expect(log.at(-1)).toBe('+early,parsed');
  });

  it('without MutationObserver, still looks once when parsing ends and throws nothing', async () => {
    vi.stubGlobal('MutationObserver', undefined);
    const { page, finish } = loadingPage();
    page.head.innerHTML = '<script id="head" type="text/plain" data-x></script>';
    page.body.innerHTML = '<p id="body" data-x></p>';
    const { watch, log } = recorder();
    const watcher = createDomWatcher({ document: page });
    expect(() => stops.push(watcher.watch(watch))).not.toThrow();
    expect(() => finish()).not.toThrow();
    page.body.insertAdjacentHTML('beforeend', '<p id="late" data-x></p>');
    await mutations();
    expect(log).toEqual(['+head', '+head,body']);
  });
});

describe('the DOM watcher, as pieces come and go', () => {
  it('keeps reporting to the other pieces when one unsubscribes, even twice', async () => {
    const watcher = createDomWatcher();
    const leaving = recorder('[data-x]');
    const staying = recorder('[data-y]');
    const stop = watcher.watch(leaving.watch);
    stops.push(watcher.watch(staying.watch));
    stop();
    stop();
    document.body.insertAdjacentHTML('beforeend', '<p id="x" data-x></p><p id="y" data-y></p>');
    await mutations();
    expect(leaving.log).toEqual([]);
    expect(staying.log).toEqual(['+y']);
  });

  it('reports a batch to every piece even when one unsubscribes on hearing of it', async () => {
    const watcher = createDomWatcher();
    const after = recorder();
    const stop = watcher.watch({ selector: '[data-x]', added: () => stop() });
    stops.push(watcher.watch(after.watch));
    document.body.insertAdjacentHTML('beforeend', '<p id="a" data-x></p>');
    await mutations();
    expect(after.log).toEqual(['+a']);
  });

  it('does not report an element moved within the page as removed', async () => {
    document.body.innerHTML = '<div><p id="a" data-x></p></div><div id="other"></div>';
    const { watch, log } = recorder('[data-x]', true);
    stops.push(createDomWatcher().watch(watch));
    document.getElementById('other')!.append(document.getElementById('a')!);
    await mutations();
    expect(log).toEqual(['+a', '+a']);
  });

  it('tells a piece that asks only about removals of those, and queries nothing for it when elements are added', async () => {
    document.body.innerHTML = '<div id="root" data-x></div>';
    const log: string[] = [];
    stops.push(createDomWatcher().watch({ selector: '[data-x]', removed: (elements) => log.push(...elements.map((element) => element.id)) }));
    const query = vi.spyOn(Element.prototype, 'querySelectorAll');
    document.body.insertAdjacentHTML('beforeend', '<section><p id="late" data-x></p></section>');
    await mutations();
    expect(query).not.toHaveBeenCalled();
    expect(log).toEqual([]);
    // A page rewriting <body> takes them with it.
    document.body.innerHTML = '<main></main>';
    await mutations();
    expect(log.sort()).toEqual(['late', 'root']);
  });

  it('lets go of its MutationObserver when the last piece unsubscribes', () => {
    const watcher = createDomWatcher();
    const first = watcher.watch(recorder().watch);
    const last = watcher.watch(recorder('[data-y]').watch);
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    first();
    expect(disconnect).not.toHaveBeenCalled();
    last();
    expect(disconnect).toHaveBeenCalledOnce();
  });

  it('gives a piece that comes while the page loads its own look at <head> only, then the look at the whole page with the others', () => {
    const { page, finish } = loadingPage();
    page.head.innerHTML = '<script id="head" type="text/plain" data-x></script>';
    page.body.innerHTML = '<p id="body" data-x></p>';
    const watcher = createDomWatcher({ document: page });
    const first = recorder();
    const later = recorder();
    stops.push(watcher.watch(first.watch), watcher.watch(later.watch));
    expect(later.log).toEqual(['+head']);
    finish();
    expect(first.log).toEqual(['+head', '+head,body']);
    expect(later.log).toEqual(['+head', '+head,body']);
  });

  it('copes with a page that has no <head> while it loads', () => {
    const { page, finish } = loadingPage();
    page.head.remove();
    page.body.innerHTML = '<p id="a" data-x></p>';
    const { watch, log } = recorder();
    expect(() => stops.push(createDomWatcher({ document: page }).watch(watch))).not.toThrow();
    finish();
    expect(log).toEqual(['+a']);
  });

  it('looks at the whole page once: not again when the page finishes loading, nor when every piece left before the end of parsing', () => {
    const parsed = loadingPage();
    const { watch, log } = recorder();
    stops.push(createDomWatcher({ document: parsed.page }).watch(watch));
    parsed.page.body.innerHTML = '<p id="a" data-x></p>';
    parsed.finish();
    parsed.complete();
    expect(log).toEqual(['+a']);

    const left = loadingPage();
    createDomWatcher({ document: left.page }).watch(recorder().watch)();
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const query = vi.spyOn(Element.prototype, 'querySelectorAll');
    left.finish();
    expect(observe).not.toHaveBeenCalled();
    expect(query).not.toHaveBeenCalled();
  });
});
