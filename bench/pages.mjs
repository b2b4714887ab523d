// The benchmark pages, generated: each library's documented install (from
// libraries.mjs) in the same page, at three sizes. Every page has the same
// inline styles, `<html lang="en">`, and one blocked analytics script in
// `<head>`, where analytics snippets usually go (Google's tag: "immediately
// after the <head> element"), blocked in the library's own documented way.

/** The same page styles on every benchmark page. */
const STYLE = `<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; }
  main, header, footer, nav { max-width: 60em; margin: 0 auto; padding: 0 1em; }
  ul { padding-inline-start: 1.25em; }
  img { display: block; width: 120px; height: 80px; background: #ddd; }
</style>`;

const LOREM = [
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.',
  'Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.',
  'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo.',
  'Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugit, sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt.',
];

const times = (count, make) => Array.from({ length: count }, (_, i) => make(i)).join('');
const links = (count, label) => times(count, (i) => `<li><a href="/${label}/${i}">${label} ${i + 1}</a></li>`);

/** Today's small page: a heading and four paragraphs (about 10 elements in <body>). */
const small = () => `<main><h1>Lorem ipsum</h1>${LOREM.map((text) => `<p>${text}</p>`).join('')}</main>`;

/**
 * A realistic CMS page of about 1,500 elements: a header with search and a
 * two-level navigation, breadcrumbs, a news listing of 70 teasers (image,
 * heading, summary, date, tags), pagination, a sidebar and a footer of link
 * columns, as on a council or newspaper site.
 */
const cms = () => `
<a href="#main" class="skip">Skip to main content</a>
<header>
  <a href="/" class="logo"><img src="data:," alt="Example Council"></a>
  <form role="search" action="/search"><label for="q">Search</label> <input id="q" name="q" type="search"> <button>Search</button></form>
  <nav aria-label="Main"><ul>${times(8, (i) => `<li><a href="/section/${i}">Section ${i + 1}</a><ul>${links(6, `section/${i}/page`)}</ul></li>`)}</ul></nav>
</header>
<nav aria-label="Breadcrumb"><ol>${links(4, 'crumb')}</ol></nav>
<main id="main">
  <h1>News</h1>
  <p>${LOREM[0]}</p>
  <section aria-label="Latest news">${times(
    70,
    (i) => `<article class="teaser"><a href="/news/${i}"><img src="data:," alt=""></a><h3><a href="/news/${i}">News story number ${i + 1}</a></h3>
<p>${LOREM[i % 4].slice(0, 140)}…</p><p class="meta"><time datetime="2026-11-${String((i % 28) + 1).padStart(2, '0')}">${(i % 28) + 1} November 2026</time> <span>Council news</span></p>
<ul class="tags">${links(3, `tag/${i}`)}</ul></article>`,
  )}</section>
  <nav aria-label="Pagination"><ul>${links(10, 'news/page')}</ul></nav>
  <aside><h2>Related</h2><ul>${links(12, 'related')}</ul></aside>
</main>
<footer>${times(4, (i) => `<section><h2>Footer ${i + 1}</h2><ul>${links(8, `footer/${i}`)}</ul></section>`)}
  <ul class="social">${links(6, 'social')}</ul><p>© Example Council 2026. <a href="/cookies">Cookies</a> · <a href="/privacy">Privacy</a></p>
</footer>`;

/** The stress page: 10,000 listing items, each a div with an h3, a p, an a and a span (50,000 elements). */
const stress = () =>
  `<main><h1>Listing</h1>${times(10_000, (i) => `<div class="item"><h3>Item ${i + 1}</h3><p>${LOREM[i % 4].slice(0, 60)}</p><a href="/item/${i}">Read more</a><span>${i % 7} comments</span></div>`)}</main>`;

/** The page sizes `npm run bench` measures, in the order it reports them. */
export const PAGE_SIZES = {
  small: { label: 'small page (today’s: a heading, 4 paragraphs)', body: small },
  cms: { label: 'realistic CMS page (~1,500 elements)', body: cms },
  stress: { label: 'stress page (~50,000 elements)', body: stress },
};

const built = new Map();

/**
 * The page of `lib` (an entry of LIBRARIES or FLOORS) at `size`: its install
 * (`lib.head`) and blocked analytics script (`lib.blocked`) in `<head>`, the
 * content, and anything it needs at the end of `<body>` (`lib.end`).
 */
export function renderPage(lib, size) {
  const key = `${lib.id}@${size}`;
  if (!built.has(key)) {
    const content = PAGE_SIZES[size];
    if (!content) throw new Error(`no page size "${size}"`);
    built.set(
      key,
      `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Benchmark: ${lib.name}, ${size}</title>
${STYLE}
${lib.head}
${lib.blocked || ''}
</head>
<body>
${content.body()}
${lib.end || ''}
</body>
</html>
`,
    );
  }
  return built.get(key);
}

/** The path of the page of `lib` at `size`, as the bench server serves it. */
export const pageUrl = (lib, size = 'small') => `/pages/${lib.id}.html?size=${size}`;
