// A server-rendered site that reads consent on the server:
// - pages leave the analytics tag out of the HTML for visitors who refused it,
//   and send it blocked to those who have not decided, so the browser starts it
//   once they allow it;
// - /server/cookies is a <form method="post"> that works with JavaScript turned off,
//   writing the same cookie the browser code reads (serializeConsent), with the
//   table of each category's cookies the dialog shows (cookieTables); it is what a
//   data-consent-preferences element holds, so with JavaScript the library's form
//   takes its place and the banner does not ask over it;
// - every page carries the config in a block no text in it can break out of (configScript);
// - analytics runs under the UK statistics exemption for visitors in the UK,
//   and needs consent everywhere else: `exemptions` is set per request from the
//   country header a CDN adds.
// Mounted at /server/ by `npm start`; or run on its own: `node examples/server/app.mjs`.
import { configScript, cookieTables, readConsent, serializeConsent } from '../../dist/server.js';

// The cookies each category sets, declared once: the dialog's tables, this
// server's tables and the clean-up on refusal all come from this list.
const config = {
  cookiesPageUrl: '/server/cookies',
  categories: {
    analytics: {
      exemption: 'statistics',
      cookies: [
        { name: '_ga', provider: 'Google Analytics', purpose: 'Tells visitors apart, so Google Analytics can count them.', expires: '2 years' },
        {
          name: '_ga_*',
          label: '_ga_<container-id>',
          provider: 'Google Analytics',
          purpose: 'Keeps the state of the current visit for our Google Analytics property.',
          expires: '2 years',
        },
      ],
    },
    marketing: {
      title: 'Marketing cookies',
      cookies: [
        { name: '_gcl_au', provider: 'Google Ads', purpose: 'Links ad clicks to later actions on this site, to measure our adverts.', expires: '90 days' },
      ],
    },
  },
};

/**
 * The config for this request. The UK exemptions apply to visitors in the UK
 * only, and a visitor whose country is unknown is asked for consent. The
 * country comes from the header the CDN in front of the site adds: Cloudflare's
 * CF-IPCountry here (CloudFront-Viewer-Country, X-Vercel-IP-Country and others
 * work the same way). Never trust one a visitor could send straight to the server.
 */
const configFor = (request) => ({ ...config, exemptions: String(request.headers['cf-ipcountry'] || '').toUpperCase() == 'GB' });

/** The categories of `siteConfig` that run under an exemption, unless the visitor objects. */
const exempted = (siteConfig) => (siteConfig.exemptions ? Object.keys(siteConfig.categories).filter((name) => siteConfig.categories[name].exemption) : []);

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function layout({ title, body, consent, siteConfig, notice = '' }) {
  // The analytics tag runs when analytics is allowed, waits blocked for a visitor
  // who has not decided (the banner may allow it on this page), and is left out
  // for one who refused or objected.
  const analytics = consent.categories.analytics
    ? '<script src="/server/analytics.js"></script>'
    : consent.decided
      ? '<!-- analytics left out: not allowed -->'
      : '<script type="text/plain" data-consent="analytics" src="/server/analytics.js"></script>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - Server-rendered example</title>
<link rel="stylesheet" href="/shared/site.css">
${configScript(siteConfig)}
<script src="/assets/biscuit-consent/biscuit.global.js"></script>
${analytics}
</head>
<body>
<div class="site-header"><a href="/server/">Server-rendered example</a></div>
<div class="page"><main id="content">${notice}${body}</main></div>
<div class="site-footer"><ul><li><a href="/server/cookies">Cookies</a></li><li><a href="/">All examples</a></li></ul></div>
</body>
</html>`;
}

function home(consent, siteConfig) {
  const state = Object.entries(consent.categories)
    .map(([name, on]) => `<li>${escapeHtml(name)}: ${consent.exempt.includes(name) ? 'allowed unless you object' : on ? 'allowed' : 'not allowed'}</li>`)
    .join('');
  const tag = consent.categories.analytics
    ? 'The analytics tag is in this page.'
    : consent.decided
      ? 'The analytics tag is not in this page.'
      : 'The analytics tag is in this page, blocked until analytics is allowed.';
  const where = siteConfig.exemptions
    ? 'You are in the UK, so analytics cookies are on unless you turn them off.'
    : 'You are outside the UK (or your country is unknown), so analytics cookies need your consent.';
  return layout({
    title: 'Home',
    consent,
    siteConfig,
    body: `<h1>Server-rendered page</h1>
<p>This server read your consent from the <code>Cookie</code> header before it wrote this page.</p>
<p id="server-country">${where}</p>
<ul id="server-consent">${state}</ul>
<p>${tag}</p>
<p><a href="/server/cookies">Change your cookie settings</a></p>`,
  });
}

/** A category's cookie table, as the dialog shows it: name, purpose, expiry, set by. */
function table({ texts, langs, categories }, name, caption) {
  const { rows } = categories.find((each) => each.category == name);
  const lang = (value) => (value ? ` lang="${escapeHtml(value)}"` : '');
  const heading = (key) => `<th scope="col"${lang(langs[key])}>${escapeHtml(texts[key])}</th>`;
  const body = rows
    .map(
      (row) => `<tr>
  <th scope="row"><code>${escapeHtml(row.name)}</code>${row.storage == 'cookie' ? '' : `<br><small${lang(langs[row.storage])}>${escapeHtml(texts[row.storage])}</small>`}</th>
  <td${lang(row.langs.purpose)}>${escapeHtml(row.purpose)}</td>
  <td${lang(row.langs.expires)}>${escapeHtml(row.expires)}</td>
  <td${lang(row.langs.setBy)}>${escapeHtml(row.setBy)}</td>
</tr>`,
    )
    .join('');
  // A narrow screen scrolls the table inside its own box, never the page: a
  // labelled region, focusable so keyboard users can scroll it too.
  return `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${name}-cookies">
<table>
<caption id="${name}-cookies">${escapeHtml(caption)}</caption>
<thead><tr>${heading('cookieName')}${heading('cookiePurpose')}${heading('cookieExpires')}${heading('cookieSetBy')}</tr></thead>
<tbody>${body}</tbody>
</table>
</div>`;
}

function cookiesPage(consent, siteConfig, saved) {
  const choices = consent.previous || consent.categories;
  const exempt = exempted(siteConfig);
  const tables = cookieTables(siteConfig, { lang: 'en' });
  const fieldset = ({ name, title, hint }) => `
<fieldset>
  <legend><strong>${escapeHtml(title)}</strong></legend>
  <p>${escapeHtml(hint)}${exempt.includes(name) ? ' They are on unless you turn them off.' : ''}</p>
  ${table(tables, name, `${title} we use`)}
  <label><input type="radio" name="${name}" value="yes"${choices[name] ? ' checked' : ''}> Yes</label>
  <label><input type="radio" name="${name}" value="no"${choices[name] ? '' : ' checked'}> No</label>
</fieldset>`;
  const notice = saved ? '<div role="status" class="status" data-on><p>Your cookie preferences have been saved.</p></div>' : '';
  return layout({
    title: 'Cookies',
    consent,
    siteConfig,
    notice,
    body: `<h1>Cookies</h1>
<div data-consent-preferences>
<p>This form works without JavaScript: the server saves your choice in the same cookie the banner uses.</p>
<h2>Essential cookies</h2>
<p>These cookies make the website work, for example by keeping it secure and remembering your cookie choices. They are always on.</p>
${table(tables, 'essential', 'Essential cookies we use')}
<form method="post" action="/server/cookies">
${fieldset({ name: 'analytics', title: 'Analytics cookies', hint: 'These cookies help us understand how you use our site, so we can improve it.' })}
${fieldset({ name: 'marketing', title: 'Marketing cookies', hint: 'These cookies help us show you relevant advertising on other websites.' })}
<p><button type="submit">Save cookie preferences</button></p>
</form>
</div>`,
  });
}

async function readForm(request) {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

/** Handles /server/…; `url` is the parsed request URL. */
export async function handle(request, response, url = new URL(request.url, 'http://127.0.0.1')) {
  const siteConfig = configFor(request);
  // The cookies page tells the visitor about the exempt categories itself, so there they count as told.
  const noticeShown = url.pathname.startsWith('/server/cookies');
  const consent = readConsent(request.headers.cookie, siteConfig, { gpc: request.headers['sec-gpc'], noticeShown });
  const html = (status, page, headers = {}) =>
    response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(page);

  if (url.pathname == '/server/analytics.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    return response.end('window.serverAnalyticsRuns = (window.serverAnalyticsRuns || 0) + 1;');
  }
  if (url.pathname == '/server/cookies' && request.method == 'POST') {
    const form = await readForm(request);
    const choices = {};
    for (const name of ['analytics', 'marketing']) {
      const yes = form.get(name) == 'yes';
      // A Yes the form showed because the category runs under its exemption is
      // no consent: left out, it stays on under the exemption. No is an objection.
      if (!(yes && consent.exempt.includes(name))) choices[name] = yes;
    }
    const setCookie = serializeConsent(choices, siteConfig, {
      id: consent.id,
      secure: (request.headers['x-forwarded-proto'] || '') == 'https',
    });
    // Post/redirect/get, so a reload does not post the form again.
    return response.writeHead(303, { Location: '/server/cookies?saved=1', 'Set-Cookie': setCookie }).end();
  }
  if (url.pathname == '/server/cookies') return html(200, cookiesPage(consent, siteConfig, url.searchParams.has('saved')));
  if (url.pathname == '/server/' || url.pathname == '/server') return html(200, home(consent, siteConfig));
  return html(404, layout({ title: 'Not found', consent, siteConfig, body: '<h1>Page not found</h1>' }));
}

if (import.meta.url == `file://${process.argv[1]}`) {
  const { createExampleServer, listen } = await import('../serve.mjs');
  const { origin } = await listen(createExampleServer({ handlers: { '/server/': handle } }), Number(process.env.PORT || 8081));
  console.log(`server example: ${origin}/server/`);
}
