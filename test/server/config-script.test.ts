// In jsdom, for its HTML parser: the page a browser would build from the server's HTML.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, configScript, type ConsentConfig } from '../../src/server';

/** Parses `configScript(config)` inside a page, as a browser's HTML parser would, and reads the page back. */
function parse(config: ConsentConfig) {
  const html = `<!DOCTYPE html><html><head>${configScript(config)}<script>/* the library */</script></head><body><p id="after">After</p></body></html>`;
  const document = new DOMParser().parseFromString(html, 'text/html');
  const block = document.getElementById('biscuit-config')!;
  return {
    config: JSON.parse(block.textContent!) as unknown,
    scripts: document.scripts.length,
    comments: document.createNodeIterator(document, NodeFilter.SHOW_COMMENT).nextNode(),
    after: document.getElementById('after')?.textContent,
    type: block.getAttribute('type'),
  };
}

const HOSTILE = [
  '</script><script>alert(1)</script>',
  '</SCRIPT >',
  '</script\t',
  '<!--<script>',
  '<!-- </script> -->',
  '<script>',
  '-->',
  ']]>',
  '&lt;/script&gt;',
  '&amp; & <b>bold</b>',
  'line\u2028separator\u2029paragraph',
  '\u0000 nul and \uD800 lone surrogate',
  '"quotes" and \\backslashes\\',
];

describe('configScript', () => {
  it('writes the #biscuit-config JSON block the script tag reads', () => {
    expect(configScript({ cookiesPageUrl: '/cookies' })).toBe('<script type="application/json" id="biscuit-config">{"cookiesPageUrl":"/cookies"}</script>');
  });

  it('keeps hostile texts inside the block, where the page reads them back exactly', () => {
    for (const text of HOSTILE) {
      const config: ConsentConfig = {
        texts: { en: { body: text } },
        categories: { analytics: { title: text, cookies: [{ name: '_ga', purpose: { en: text, cy: text }, provider: text }] } },
      };
      const page = parse(config);
      expect(page, text).toMatchObject({ config, scripts: 2, comments: null, after: 'After', type: 'application/json' });
    }
  });

  it('escapes <, >, & and the line and paragraph separators as JSON escapes', () => {
    const block = configScript({ texts: { en: { body: '<>&\u2028\u2029' } } });
    expect(block).toContain('"body":"\\u003c\\u003e\\u0026\\u2028\\u2029"');
    const json = block.slice(block.indexOf('>') + 1, -'</script>'.length);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('round-trips any text, hostile pieces and lone surrogates included', () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE))).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (body) => {
        const config: ConsentConfig = { texts: { en: { body } }, categories: { analytics: { cookies: [{ name: '_ga', purpose: body }] } } };
        const page = parse(config);
        return page.scripts == 2 && page.after == 'After' && JSON.stringify(page.config) == JSON.stringify(config);
      }),
      { numRuns: 100 },
    );
    // Each run parses a whole page: slow on a busy machine, but never flaky.
  }, 60_000);

  it('refuses a RegExp, which JSON cannot hold, naming it and the way out', () => {
    expect(() => configScript({ categories: { analytics: { cookies: ['_ga', { name: /^_ga_/ }] } } })).toThrow(
      'biscuit-consent: config.categories.analytics.cookies[1].name must be a string, since JSON has no RegExps: use a "*" pattern such as "_ga_*"',
    );
    expect(() => configScript({ categories: { analytics: { cookies: [/^_hj/] } } })).toThrow(/cookies\[0\] must be a string/);
  });

  it('refuses what JSON would silently drop or change', () => {
    const storage = { read: () => undefined, write: () => {}, remove: () => {} };
    expect(() => configScript({ storage })).toThrow(/config\.storage\.read must be plain JSON data/);
    expect(() => configScript({ texts: { en: { body: new String('x') as string } } })).toThrow(ConfigError);
  });

  it('refuses a config the browser would reject, naming the field', () => {
    expect(() => configScript({ revision: -1 })).toThrow(/config\.revision must be/);
  });
});
