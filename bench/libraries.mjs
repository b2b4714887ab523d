// The libraries under test: where their page is, how to find their banner and
// its accept button, and how to record "analytics granted, marketing refused"
// through each library's own API (to make the returning visitor's cookie).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, ROOT } from './serve.mjs';

const versionOf = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return 'not installed';
  }
};

/**
 * `banner`: the element that is the first-visit banner (a CSS selector,
 * checked in the page for being visible); `accept`: its "accept all" button
 * (a Playwright selector; the first match is clicked);
 * `grantAnalyticsOnly`: runs in the page once the banner is up (an arrow
 * function, since Playwright sends its source text to the page).
 */
export const LIBRARIES = [
  {
    id: 'biscuit',
    name: 'biscuit-consent',
    version: () => `${versionOf(join(ROOT, 'package.json'))} (dist/browser)`,
    page: '/pages/biscuit.html',
    banner: '.bc-banner',
    // The default wording is part of the documented contract (the README's table of texts); class names are not.
    accept: '.bc-banner button:has-text("Accept additional cookies")',
    grantAnalyticsOnly: async () => {
      const result = await window.Biscuit.save({ analytics: true, marketing: false });
      if (!result.ok) throw new Error(`save failed: ${result.error}`);
    },
  },
  {
    id: 'vanilla-cookieconsent',
    name: 'vanilla-cookieconsent',
    version: () => versionOf(join(BENCH, 'node_modules/vanilla-cookieconsent/package.json')),
    page: '/pages/vanilla-cookieconsent.html',
    banner: '#cc-main .cm',
    accept: '#cc-main .cm [data-role="all"]',
    grantAnalyticsOnly: () => {
      window.CookieConsent.acceptCategory(['analytics']);
    },
  },
  {
    id: 'klaro',
    name: 'Klaro',
    version: () => versionOf(join(BENCH, 'node_modules/klaro/package.json')),
    page: '/pages/klaro.html',
    banner: '#klaro-cookie-notice',
    accept: '#klaro-cookie-notice .cm-btn-success',
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
    page: '/pages/tarteaucitron.html',
    banner: '#tarteaucitronAlertBig',
    accept: '#tarteaucitronPersonalize2',
    grantAnalyticsOnly: () => {
      // What the panel's per-service Allow / Deny buttons call (respond() only reads the id).
      window.tarteaucitron.userInterface.respond({ id: 'benchanalyticsAllowed' }, true);
      window.tarteaucitron.userInterface.respond({ id: 'benchmarketingDenied' }, false);
    },
  },
];

/** The reference every ratio is relative to. */
export const REFERENCE = 'vanilla-cookieconsent';
