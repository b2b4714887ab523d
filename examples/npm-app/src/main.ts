import { createConsent } from 'biscuit-consent';
import 'biscuit-consent/style.css';

const consent = createConsent({
  cookiesPageUrl: '/cookies-page/',
  categories: {
    analytics: { cookies: ['_example_analytics'] },
    marketing: {},
  },
});

const status = document.getElementById('analytics-status')!;
const record = document.getElementById('record')!;

// The app's own optional code runs only once its category is granted.
consent.whenAllowed('analytics', () => {
  document.cookie = '_example_analytics=1; path=/';
  status.textContent = 'Analytics started: analytics cookies are allowed.';
  status.setAttribute('data-on', '');
});

const show = () => (record.textContent = JSON.stringify(consent.get(), null, 2));
consent.on('change', show);
show();

document.getElementById('reset')!.addEventListener('click', () => {
  void consent.reset();
});
