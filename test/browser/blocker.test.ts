// Blocked scripts really run in Chromium: never before consent, once, in document order.
import { afterEach, describe, expect, it } from 'vitest';
import { useBrowser } from './support/harness';

/**
 * External scripts whose answers the test holds back until it opens their gate,
 * so "the next script waited for this one" and "this one did not hold up the
 * next" are shown by order alone, not by timing.
 */
const gates = new Map<string, { opened: Promise<void>; open(): void }>();
const gate = (name: string) => {
  if (!gates.has(name)) {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    gates.set(name, { opened, open });
  }
  return gates.get(name)!;
};
/** The held scripts the browser asked for, in order. */
const requested: string[] = [];

const harness = useBrowser({
  handlers: {
    '/held/': async (_request, response, url) => {
      const name = url.pathname.slice('/held/'.length);
      requested.push(name);
      await gate(name).opened;
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(`window.order.push('${name}'); window.lib = true;`);
    },
  },
});

afterEach(() => {
  gates.forEach(({ open }) => open());
  gates.clear();
  requested.length = 0;
});

const blocked = (body: string, attributes = '', category = 'analytics') =>
  `<script type="text/plain" data-consent="${category}" ${attributes}>${body}</script>`;
/** `window.order` in the page: what the scripts recorded, in the order they ran. */
const order = () => (window as unknown as { order: string[] }).order;
type Ordered = { order: string[] };

describe('blocked scripts in Chromium', () => {
  it('run in document order once granted, each external classic script finishing before the next', async () => {
    const page_ = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Order</title>
      <script>window.order = [];</script>
      <script src="/assets/biscuit-consent/biscuit.global.js"></script></head><body><main><h1>Order</h1></main>
      ${blocked("order.push('inline 1')")}
      ${blocked('', 'src="/held/lib.js"')}
      ${blocked("order.push(window.lib ? 'inline 2 saw lib' : 'inline 2 ran too early')")}
      ${blocked("order.push('module')", 'data-type="module"')}
      ${blocked('', 'src="/held/async.js" async')}
      ${blocked("order.push('inline 3')")}
      ${/* Essential: allowed at once. Blocked scripts activate in document order, so once this has run the blocker has passed every analytics script above. */ ''}
      ${blocked("order.push('essential, last in the page')", '', 'essential')}
      </body></html>`;
    // lib.js answers at once (the order shows it was waited for); async.js waits for the test.
    gate('lib.js').open();
    // Not waiting for the load event: a script requested too early, and held, would delay it.
    const { page, errors } = await harness.open(harness.page('order', page_), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as unknown as Ordered).order.length > 0);
    await page.getByRole('region', { name: 'Cookies on this website' }).waitFor();
    // Nothing optional ran before the choice, and no blocked script's URL was requested.
    expect(await page.evaluate(order)).toEqual(['essential, last in the page']);
    expect(requested).toEqual([]);

    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    // async.js is still held back: everything after it ran anyway. An inline
    // module runs a task after it is put back (browsers give it no load event to
    // wait for), so the classic scripts activated in the same turn come first.
    await page.waitForFunction(() => (window as unknown as Ordered).order.includes('module'));
    expect(await page.evaluate(order)).toEqual(['essential, last in the page', 'inline 1', 'lib.js', 'inline 2 saw lib', 'inline 3', 'module']);
    expect(requested).toEqual(['lib.js', 'async.js']);

    gate('async.js').open();
    // The real end: every blocked script has been put back with its real type and async.js has loaded.
    await page.waitForFunction(
      () => (window as unknown as Ordered).order.includes('async.js') && document.querySelectorAll('script[type="text/plain"]').length == 0,
    );
    expect(await page.evaluate(order)).toEqual(['essential, last in the page', 'inline 1', 'lib.js', 'inline 2 saw lib', 'inline 3', 'module', 'async.js']);
    expect(errors).toEqual([]);
  });
});
