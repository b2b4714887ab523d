// Blocked scripts really run in Chromium, once, in document order.
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/harness';

const harness = useBrowser({
  handlers: {
    // A slow library, so that running the next script before it finished would show.
    '/slow/': async (_request, response, url) => {
      await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get('ms') || 300)));
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(`window.order.push('${url.pathname.slice(6)}'); window.lib = true;`);
    },
  },
});

const blocked = (body: string, attributes = '') => `<script type="text/plain" data-consent="analytics" ${attributes}>${body}</script>`;

describe('blocked scripts in Chromium', () => {
  it('run in document order once granted, each external classic script finishing before the next', async () => {
    const page_ = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Order</title>
      <script>window.order = [];</script>
      <script src="/assets/biscuit-consent/biscuit.global.js"></script></head><body><main><h1>Order</h1></main>
      ${blocked("order.push('inline 1')")}
      ${blocked('', 'src="/slow/lib.js?ms=400"')}
      ${blocked("order.push(window.lib ? 'inline 2 saw lib' : 'inline 2 ran too early')")}
      ${blocked("order.push('module')", 'data-type="module"')}
      ${blocked('', 'src="/slow/async.js?ms=800" async')}
      ${blocked("order.push('inline 3')")}
      </body></html>`;
    const { page, errors } = await harness.open(harness.page('order', page_));
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => (window as unknown as { order: string[] }).order.length == 6, undefined, { timeout: 10_000 });
    const order = await page.evaluate(() => (window as unknown as { order: string[] }).order);
    expect(order.slice(0, 3)).toEqual(['inline 1', 'lib.js', 'inline 2 saw lib']);
    // The async script does not hold up the ones after it, so it finishes last.
    expect(order.at(-1)).toBe('async.js');
    expect(order).toContain('inline 3');
    expect(order).toContain('module');
    expect(errors).toEqual([]);
  });
});
