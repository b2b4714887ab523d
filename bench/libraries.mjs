// The libraries under test and the two floors: each one's install (the
// snippet in installs/<id>.html, put in the page's <head>), its blocked
// analytics script, how to find its banner, buttons and preferences dialog,
// and how to record "analytics granted, marketing refused" through its own
// API (to make the returning visitor's cookie).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, ROOT } from './paths.mjs';

const versionOf = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return 'not installed';
  }
};

const install = (id) => readFileSync(join(BENCH, 'installs', `${id}.html`), 'utf8');

/** The blocked analytics script, in the markup each library documents. */
const ANALYTICS = '/pages/analytics.js';

/**
 * `banner`: the first-visit banner (a CSS selector, checked in the page for
 * being visible); `accept`, `reject`, `customise`: its buttons, and `save`:
 * the dialog's save button (Playwright selectors; the first match is
 * clicked); `dialog`: the preferences dialog (a CSS selector);
 * `grantAnalyticsOnly`: runs in the page once the banner is up (an arrow
 * function, since Playwright sends its source text to the page). A library
 * without one of the buttons leaves it out and is not measured for it.
 */
export const LIBRARIES = [
  {
    id: 'biscuit',
    name: 'biscuit-consent',
    version: () => `${versionOf(join(ROOT, 'package.json'))} (dist/browser)`,
    head: install('biscuit'),
    blocked: `<script type="text/plain" data-consent="analytics" src="${ANALYTICS}"></script>`,
    banner: '.bc-banner',
    // The default wording is part of the documented contract (the README's table of texts); class names are not.
    accept: '.bc-banner button:has-text("Accept additional cookies")',
    reject: '.bc-banner button:has-text("Reject additional cookies")',
    customise: '.bc-banner button:has-text("Customise cookies")',
    dialog: 'dialog.bc-panel',
    save: 'dialog.bc-panel button:has-text("Save cookie preferences")',
    grantAnalyticsOnly: async () => {
      const result = await window.Biscuit.save({ analytics: true, marketing: false });
      if (!result.ok) throw new Error(`save failed: ${result.error}`);
    },
  },
  {
    id: 'vanilla-cookieconsent',
    name: 'vanilla-cookieconsent',
    version: () => versionOf(join(BENCH, 'node_modules/vanilla-cookieconsent/package.json')),
    head: install('vanilla-cookieconsent'),
    blocked: `<script type="text/plain" data-category="analytics" src="${ANALYTICS}"></script>`,
    banner: '#cc-main .cm',
    accept: '#cc-main .cm [data-role="all"]',
    reject: '#cc-main .cm [data-role="necessary"]',
    customise: '#cc-main .cm [data-role="show"]',
    dialog: '#cc-main .pm',
    save: '#cc-main .pm [data-role="save"]',
    grantAnalyticsOnly: () => {
      window.CookieConsent.acceptCategory(['analytics']);
    },
  },
  {
    id: 'klaro',
    name: 'Klaro',
    version: () => versionOf(join(BENCH, 'node_modules/klaro/package.json')),
    head: install('klaro'),
    blocked: `<script type="text/plain" data-type="text/javascript" data-name="analytics" data-src="${ANALYTICS}"></script>`,
    banner: '#klaro-cookie-notice',
    accept: '#klaro-cookie-notice .cm-btn-success',
    reject: '#klaro-cookie-notice .cn-decline',
    customise: '#klaro-cookie-notice .cn-learn-more',
    dialog: '#klaro .cookie-modal .cm-modal',
    save: '#klaro .cookie-modal .cm-btn-accept',
    grantAnalyticsOnly: () => {
      const manager = window.klaro.getManager();
      manager.updateConsent('analytics', true);
      manager.updateConsent('marketing', false);
      manager.saveAndApplyConsents();
    },
  },
  {
    id: 'tarteaucitron',
    name: 'tarteaucitron',
    version: () => versionOf(join(BENCH, 'node_modules/tarteaucitronjs/package.json')),
    head: install('tarteaucitron'),
    // Its benchanalytics service (in the install) loads the analytics script.
    blocked: '',
    banner: '#tarteaucitronAlertBig',
    accept: '#tarteaucitronPersonalize2',
    reject: '#tarteaucitronAllDenied2',
    customise: '#tarteaucitronCloseAlert',
    dialog: '#tarteaucitron',
    save: '#tarteaucitronSaveButton',
    grantAnalyticsOnly: () => {
      // What the panel's per-service Allow / Deny buttons call (respond() only reads the id).
      window.tarteaucitron.userInterface.respond({ id: 'benchanalyticsAllowed' }, true);
      window.tarteaucitron.userInterface.respond({ id: 'benchmarketingDenied' }, false);
    },
  },
];

/** The reference every ratio is relative to. */
export const REFERENCE = 'vanilla-cookieconsent';

/**
 * Two floors for the returning-visitor figures, measured in the same runs:
 * the page with no consent library (the analytics script not blocked), and
 * the least any library must do (an inline script at the end of <body> that
 * reads biscuit's cookie and activates the blocked script). Not competitors.
 */
export const FLOORS = [
  {
    id: 'none',
    name: 'floor: no library',
    head: '<!-- No consent library: the analytics script runs straight away. -->',
    blocked: `<script src="${ANALYTICS}"></script>`,
    banner: '#no-banner',
    cookiesFrom: null,
  },
  {
    id: 'gate',
    name: 'floor: one-line gate',
    head: '<!-- The least any library must do for a returning visitor: see the script at the end of <body>. -->',
    blocked: `<script type="text/plain" data-consent="analytics" src="${ANALYTICS}"></script>`,
    // Reads the consent cookie (biscuit-consent's, version 1 or 2, with analytics on) and activates the blocked
    // script. No banner, no config, no checks: a floor to read the returning-visitor figures
    // against, not a competitor.
    end: `<script>
  if (/(?:^|; )biscuit_consent=[12]\\.[^;]*analytics=[1e]/.test(document.cookie)) {
    var blocked = document.querySelector('script[type="text/plain"][data-consent="analytics"]');
    var script = blocked.cloneNode(true);
    script.removeAttribute('type');
    blocked.replaceWith(script);
  }
</script>`,
    banner: '#no-banner',
    cookiesFrom: 'biscuit',
  },
];
