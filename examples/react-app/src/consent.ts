// One consent instance for the app, and the bindings typed with its
// categories: <ConsentGate category="analytcs"> would not compile.
// In your app these imports are 'biscuit-consent' and 'biscuit-consent/react'
// (plus 'biscuit-consent/style.css'); the example imports the library's
// sources so it builds and type-checks inside the repo without a build step.
import { createConsent } from '../../../src/entries/index';
import { createConsentHooks } from '../../../src/react';
import '../../../src/ui/styles.css';

export const consent = createConsent({
  cookiesPageUrl: '/cookies-page/',
  categories: {
    // Listed in the dialog, and deleted when analytics is refused or withdrawn.
    analytics: { cookies: [{ name: '_example_visits', purpose: 'Counts your visits to this page', expires: '1 year' }] },
    marketing: {},
  },
});

export const { ConsentProvider, ConsentGate, useConsent, useConsentInstance } = createConsentHooks(consent);
