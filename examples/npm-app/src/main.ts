import { createConsent } from 'biscuit-consent';
import 'biscuit-consent/style.css';

const consent = createConsent({
  cookiesPageUrl: '/cookies-page/',
  categories: {
    analytics: {
      // Declared once: the dialog lists them, and they are deleted while analytics is not allowed.
      cookies: [
        { name: '_example_analytics', purpose: 'Shows that the app started its analytics code', expires: 'When you close your browser' },
        { name: '_ga', provider: 'Google Analytics', purpose: 'Tells visitors apart, so Google Analytics can count them', expires: '2 years' },
        // A RegExp (npm only: JSON has none), shown to visitors by its label.
        {
          name: /^_ga_[A-Z\d]+$/,
          label: '_ga_<container-id>',
          provider: 'Google Analytics',
          purpose: 'Keeps the state of your current visit',
          expires: '2 years',
        },
      ],
    },
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
