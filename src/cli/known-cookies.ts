/**
 * Well-known cookies and web-storage keys: who sets them, which consent
 * category a UK or EU site files them under, what they do and how long they
 * typically last. The scanner uses it to classify what a site did not declare,
 * and `--suggest` to write declarations. Facts come from each vendor's own
 * documentation (the URL above each group); purposes are in our words.
 *
 * Third-party embeds (YouTube, Vimeo, LinkedIn …) are filed by what they need
 * on the embedding site: their cookies are not strictly necessary for the
 * site's own service, so they need consent even when the vendor calls them
 * security or preference cookies for its own site.
 */

/** The consent categories the scanner reports: the library's three defaults and `marketing`. */
export type KnownCategory = 'essential' | 'preferences' | 'analytics' | 'marketing';

/** Where a name is kept. */
export type StorageKind = 'cookie' | 'localStorage' | 'sessionStorage';

/** One entry of the table. */
export interface KnownCookie {
  /** The name: exact, or with `*` standing for any characters (`_ga_*`). */
  readonly name: string;
  /** Who sets it, as a visitor would recognise the service. */
  readonly provider: string;
  readonly category: KnownCategory;
  /** What it is for, in one plain sentence. */
  readonly purpose: string;
  /** Its usual lifetime as the vendor documents it ("2 years", "Session"). */
  readonly expires: string;
  /** Only cookies on these domains or their subdomains (for names too common to match anywhere). */
  readonly domains?: readonly string[];
  /** Where it is kept. Default: cookies only. */
  readonly kinds?: readonly StorageKind[];
}

const ANY_STORAGE: readonly StorageKind[] = ['cookie', 'localStorage', 'sessionStorage'];

/** The table, most specific entries first: the first entry that matches wins. */
export const KNOWN_COOKIES: readonly KnownCookie[] = [
  // Google Analytics 4: https://support.google.com/analytics/answer/11397207
  {
    name: '_ga',
    provider: 'Google Analytics',
    category: 'analytics',
    purpose: 'Tells visitors apart, so Google Analytics can count them.',
    expires: '2 years',
  },
  {
    name: '_ga_*',
    provider: 'Google Analytics',
    category: 'analytics',
    purpose: 'Keeps the state of the current visit for one Google Analytics property.',
    expires: '2 years',
  },
  // Universal Analytics and ga.js: https://developers.google.com/analytics/devguides/collection/analyticsjs/cookie-usage
  { name: '_gid', provider: 'Google Analytics', category: 'analytics', purpose: 'Tells visitors apart for a day.', expires: '24 hours' },
  {
    name: '_gat*',
    provider: 'Google Analytics',
    category: 'analytics',
    purpose: 'Limits how often the page sends data to Google Analytics.',
    expires: '1 minute',
  },
  {
    name: '_dc_gtm_*',
    provider: 'Google Analytics',
    category: 'analytics',
    purpose: 'Limits how often the page sends data to Google Analytics when it runs through Google Tag Manager.',
    expires: '1 minute',
  },
  {
    name: 'AMP_TOKEN',
    provider: 'Google Analytics',
    category: 'analytics',
    purpose: "Holds a token for looking up the visitor's ID on AMP pages.",
    expires: '30 seconds to 1 year',
  },
  {
    name: '_gac_*',
    provider: 'Google Ads',
    category: 'marketing',
    purpose: 'Keeps information about the Google ad a visitor clicked, for a linked Analytics property.',
    expires: '90 days',
  },
  {
    name: '__utma',
    provider: 'Google Analytics',
    category: 'analytics',
    purpose: 'Tells visitors and visits apart (the older ga.js tag).',
    expires: '2 years',
  },
  { name: '__utmb', provider: 'Google Analytics', category: 'analytics', purpose: 'Marks the start of a new visit (ga.js).', expires: '30 minutes' },
  { name: '__utmc', provider: 'Google Analytics', category: 'analytics', purpose: 'Tells whether the visit is still going on (ga.js).', expires: 'Session' },
  { name: '__utmt', provider: 'Google Analytics', category: 'analytics', purpose: 'Limits how often the page sends data (ga.js).', expires: '10 minutes' },
  {
    name: '__utmz',
    provider: 'Google Analytics',
    category: 'analytics',
    purpose: 'Records how the visitor reached the site, such as a search or a link (ga.js).',
    expires: '6 months',
  },
  { name: '__utmv', provider: 'Google Analytics', category: 'analytics', purpose: 'Holds custom data about the visitor (ga.js).', expires: '2 years' },

  // Google Ads and Google's ad network: https://business.safety.google/adscookies/
  {
    name: '_gcl_au',
    provider: 'Google Ads',
    category: 'marketing',
    purpose: 'Links ad clicks to later actions on the site (the conversion linker).',
    expires: '90 days',
  },
  {
    name: '_gcl_*',
    provider: 'Google Ads',
    category: 'marketing',
    purpose: 'Keeps the Google ad a visitor clicked, so a later purchase or sign-up can be credited to it.',
    expires: '90 days',
  },
  {
    name: '__gads',
    provider: 'Google Ad Manager',
    category: 'marketing',
    purpose: 'Lets Google measure the ads shown on this site and limit how often each is shown.',
    expires: '13 months',
  },
  {
    name: '__gpi',
    provider: 'Google Ad Manager',
    category: 'marketing',
    purpose: 'Identifies the browser to choose and measure the ads shown on this site.',
    expires: '13 months',
  },
  {
    name: 'IDE',
    provider: 'Google (DoubleClick)',
    category: 'marketing',
    purpose: "Recognises the browser across sites that show Google's ads, to choose and measure them.",
    expires: '13 months',
    domains: ['doubleclick.net'],
  },
  {
    name: 'DSID',
    provider: 'Google (DoubleClick)',
    category: 'marketing',
    purpose: "Links a signed-in Google user's ad activity across their devices.",
    expires: '2 weeks',
    domains: ['doubleclick.net'],
  },
  {
    name: 'test_cookie',
    provider: 'Google (DoubleClick)',
    category: 'marketing',
    purpose: "Checks whether the browser accepts cookies from Google's ad network.",
    expires: '15 minutes',
    domains: ['doubleclick.net'],
  },

  // Google services and YouTube embeds: https://policies.google.com/technologies/cookies
  {
    name: 'NID',
    provider: 'Google',
    category: 'marketing',
    purpose: "Remembers Google preferences and is used to personalise Google's ads.",
    expires: '6 months',
    domains: ['google.com'],
  },
  {
    name: 'SOCS',
    provider: 'Google',
    category: 'marketing',
    purpose: "Stores the visitor's cookie choices for Google's own services.",
    expires: '13 months',
    domains: ['google.com', 'youtube.com'],
  },
  {
    name: '_GRECAPTCHA',
    provider: 'Google reCAPTCHA',
    category: 'essential',
    purpose: 'Analyses risk to tell people from bots when a form is protected by reCAPTCHA.',
    expires: '6 months',
    domains: ['google.com', 'recaptcha.net'],
  },
  {
    name: 'YSC',
    provider: 'YouTube',
    category: 'marketing',
    purpose: 'Checks that requests while watching an embedded video come from the viewer.',
    expires: 'Session',
    domains: ['youtube.com'],
  },
  {
    name: 'VISITOR_INFO1_LIVE',
    provider: 'YouTube',
    category: 'marketing',
    purpose: 'Remembers player preferences and helps YouTube find problems with its service.',
    expires: '6 months',
    domains: ['youtube.com'],
  },
  {
    name: 'VISITOR_PRIVACY_METADATA',
    provider: 'YouTube',
    category: 'marketing',
    purpose: "Stores the viewer's cookie choices for YouTube.",
    expires: '6 months',
    domains: ['youtube.com'],
  },
  {
    name: '__Secure-YEC',
    provider: 'YouTube',
    category: 'marketing',
    purpose: 'Remembers preferences and helps YouTube find problems with its service.',
    expires: '13 months',
    domains: ['youtube.com'],
  },
  {
    name: 'PREF',
    provider: 'YouTube',
    category: 'marketing',
    purpose: 'Remembers player settings such as autoplay.',
    expires: '8 months',
    domains: ['youtube.com'],
  },

  // Meta Pixel: https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc/
  // and https://www.facebook.com/privacy/policies/cookies/
  {
    name: '_fbp',
    provider: 'Meta',
    category: 'marketing',
    purpose: 'Identifies the browser so visits can be linked to Facebook and Instagram ads.',
    expires: '90 days',
  },
  {
    name: '_fbc',
    provider: 'Meta',
    category: 'marketing',
    purpose: 'Keeps the ID of the Facebook or Instagram ad that brought the visitor.',
    expires: '90 days',
  },
  {
    name: 'fr',
    provider: 'Meta',
    category: 'marketing',
    purpose: "Delivers and measures Meta's ads and makes them more relevant.",
    expires: '90 days',
    domains: ['facebook.com'],
  },

  // Microsoft Clarity: https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list
  {
    name: '_clck',
    provider: 'Microsoft Clarity',
    category: 'analytics',
    purpose: "Keeps the visitor's Clarity ID, so later visits count as the same visitor.",
    expires: '1 year',
  },
  { name: '_clsk', provider: 'Microsoft Clarity', category: 'analytics', purpose: 'Joins page views into one session recording.', expires: '1 day' },
  {
    name: 'CLID',
    provider: 'Microsoft Clarity',
    category: 'analytics',
    purpose: 'Records when Clarity first saw this browser on any site.',
    expires: '1 year',
    domains: ['clarity.ms'],
  },
  {
    name: 'ANONCHK',
    provider: 'Microsoft',
    category: 'marketing',
    purpose: 'Tells whether the MUID cookie is passed to an advertising cookie.',
    expires: '10 minutes',
    domains: ['clarity.ms', 'bing.com'],
  },
  {
    name: 'MR',
    provider: 'Microsoft',
    category: 'marketing',
    purpose: 'Tells whether to refresh the MUID cookie.',
    expires: '7 days',
    domains: ['clarity.ms', 'bing.com'],
  },
  {
    name: 'SM',
    provider: 'Microsoft',
    category: 'marketing',
    purpose: 'Keeps the MUID cookie in step across Microsoft domains.',
    expires: 'Session',
    domains: ['clarity.ms', 'bing.com'],
  },

  // Microsoft Advertising (UET): https://help.ads.microsoft.com/apex/index/3/en/53056
  {
    name: 'MUID',
    provider: 'Microsoft',
    category: 'marketing',
    purpose: 'Identifies the browser across Microsoft sites, for advertising and analytics.',
    expires: '13 months',
    domains: ['bing.com', 'clarity.ms', 'microsoft.com'],
  },
  {
    name: '_uetsid',
    provider: 'Microsoft Advertising',
    category: 'marketing',
    purpose: "Links a visit's pages to Microsoft ad clicks, to count conversions.",
    expires: '1 day',
  },
  {
    name: '_uetvid',
    provider: 'Microsoft Advertising',
    category: 'marketing',
    purpose: 'Recognises the visitor across visits, to count conversions and show ads again.',
    expires: '13 months',
  },
  {
    name: '_uetmsclkid',
    provider: 'Microsoft Advertising',
    category: 'marketing',
    purpose: 'Keeps the ID of the Microsoft ad that brought the visitor.',
    expires: '90 days',
  },

  // Hotjar: https://help.hotjar.com/hc/en-us/articles/6952777582999-Cookies-Set-by-the-Hotjar-Tracking-Code
  {
    name: '_hjSessionUser_*',
    provider: 'Hotjar',
    category: 'analytics',
    purpose: "Keeps the visitor's Hotjar ID, so later visits count as the same visitor.",
    expires: '1 year',
    kinds: ANY_STORAGE,
  },
  {
    name: '_hjSession_*',
    provider: 'Hotjar',
    category: 'analytics',
    purpose: "Holds the current visit's Hotjar session.",
    expires: '30 minutes',
    kinds: ANY_STORAGE,
  },
  {
    name: '_hjid',
    provider: 'Hotjar',
    category: 'analytics',
    purpose: "Keeps the visitor's Hotjar ID (older tracking code).",
    expires: '1 year',
    kinds: ANY_STORAGE,
  },
  {
    name: '_hj*',
    provider: 'Hotjar',
    category: 'analytics',
    purpose: "Holds the Hotjar tracking code's state, such as sampling, survey and test flags.",
    expires: 'Up to 1 year',
    kinds: ANY_STORAGE,
  },

  // LinkedIn: https://www.linkedin.com/legal/l/cookie-table
  {
    name: 'li_fat_id',
    provider: 'LinkedIn',
    category: 'marketing',
    purpose: 'Identifies LinkedIn members for conversion tracking and retargeting (Insight Tag).',
    expires: '30 days',
  },
  {
    name: 'li_sugr',
    provider: 'LinkedIn',
    category: 'marketing',
    purpose: "Makes a probabilistic match of the visitor's identity (Insight Tag).",
    expires: '90 days',
  },
  {
    name: 'bcookie',
    provider: 'LinkedIn',
    category: 'marketing',
    purpose: 'Identifies the browser to LinkedIn, for security and measuring ads.',
    expires: '1 year',
    domains: ['linkedin.com'],
  },
  {
    name: 'bscookie',
    provider: 'LinkedIn',
    category: 'marketing',
    purpose: 'A secure browser ID set by LinkedIn embeds and the Insight Tag.',
    expires: '1 year',
    domains: ['linkedin.com'],
  },
  {
    name: 'lidc',
    provider: 'LinkedIn',
    category: 'marketing',
    purpose: 'Chooses the LinkedIn data centre that handles requests.',
    expires: '24 hours',
    domains: ['linkedin.com'],
  },
  {
    name: 'li_gc',
    provider: 'LinkedIn',
    category: 'marketing',
    purpose: "Stores a guest's consent to LinkedIn's non-essential cookies.",
    expires: '6 months',
    domains: ['linkedin.com'],
  },
  {
    name: 'UserMatchHistory',
    provider: 'LinkedIn',
    category: 'marketing',
    purpose: "Syncs LinkedIn's visitor IDs with ad partners.",
    expires: '30 days',
    domains: ['linkedin.com'],
  },
  {
    name: 'AnalyticsSyncHistory',
    provider: 'LinkedIn',
    category: 'marketing',
    purpose: "Records when the visitor's ID was last synced for LinkedIn's analytics.",
    expires: '30 days',
    domains: ['linkedin.com'],
  },
  {
    name: 'lms_*',
    provider: 'LinkedIn',
    category: 'marketing',
    purpose: 'Identifies LinkedIn members on other sites, for ads and analytics.',
    expires: '30 days',
    domains: ['linkedin.com'],
  },

  // TikTok Pixel: https://ads.tiktok.com/help/article?aid=10007540
  {
    name: '_ttp',
    provider: 'TikTok',
    category: 'marketing',
    purpose: 'Identifies the visitor to measure TikTok ads and choose who sees them.',
    expires: '13 months',
  },
  {
    name: '_tt_enable_cookie',
    provider: 'TikTok',
    category: 'marketing',
    purpose: 'Checks that the browser accepts the TikTok Pixel cookies.',
    expires: '13 months',
  },
  { name: 'ttcsid*', provider: 'TikTok', category: 'marketing', purpose: 'Identifies the visit, to credit conversions to TikTok ads.', expires: '13 months' },

  // HubSpot: https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser
  { name: '__hs_opt_out', provider: 'HubSpot', category: 'essential', purpose: "Remembers that the visitor declined HubSpot's cookies.", expires: '6 months' },
  {
    name: '__hs_do_not_track',
    provider: 'HubSpot',
    category: 'essential',
    purpose: 'Stops the HubSpot tracking code from sending anything.',
    expires: '6 months',
  },
  {
    name: '__hs_initial_opt_in',
    provider: 'HubSpot',
    category: 'essential',
    purpose: 'Stops the HubSpot banner from showing on every page in strict mode.',
    expires: '7 days',
  },
  {
    name: '__hs_cookie_cat_pref',
    provider: 'HubSpot',
    category: 'essential',
    purpose: 'Records which cookie categories the visitor agreed to.',
    expires: '6 months',
  },
  {
    name: 'hs_ab_test',
    provider: 'HubSpot',
    category: 'essential',
    purpose: 'Shows the visitor the same version of an A/B-tested page each time.',
    expires: 'Session',
  },
  {
    name: 'messagesUtk',
    provider: 'HubSpot',
    category: 'preferences',
    purpose: 'Recognises a returning chat visitor, so earlier conversations carry on.',
    expires: '6 months',
  },
  {
    name: '__hstc',
    provider: 'HubSpot',
    category: 'analytics',
    purpose: "HubSpot's main visitor-tracking cookie: first and last visit and the number of visits.",
    expires: '6 months',
  },
  {
    name: 'hubspotutk',
    provider: 'HubSpot',
    category: 'analytics',
    purpose: 'Identifies the visitor to HubSpot and links form submissions to them.',
    expires: '6 months',
  },
  { name: '__hssc', provider: 'HubSpot', category: 'analytics', purpose: 'Counts the pages seen in the current visit.', expires: '30 minutes' },
  { name: '__hssrc', provider: 'HubSpot', category: 'analytics', purpose: 'Tells whether the browser was restarted, to spot a new visit.', expires: 'Session' },

  // Cloudflare: https://developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/
  {
    name: '__cf_bm',
    provider: 'Cloudflare',
    category: 'essential',
    purpose: 'Tells people from bots, to protect the site from automated attacks.',
    expires: '30 minutes',
  },
  {
    name: 'cf_clearance',
    provider: 'Cloudflare',
    category: 'essential',
    purpose: 'Shows that the visitor passed a Cloudflare challenge, so it is not shown again.',
    expires: '30 minutes (set by the site)',
  },
  {
    name: '_cfuvid',
    provider: 'Cloudflare',
    category: 'essential',
    purpose: 'Tells apart visitors who share an IP address, for rate limiting.',
    expires: 'Session',
  },
  { name: '__cfruid', provider: 'Cloudflare', category: 'essential', purpose: 'Identifies trusted traffic for rate limiting.', expires: 'Session' },
  {
    name: '__cflb',
    provider: 'Cloudflare',
    category: 'essential',
    purpose: 'Sends the visitor back to the same server behind the load balancer.',
    expires: 'Up to 24 hours',
  },

  // Vimeo embeds: https://help.vimeo.com/hc/en-us/articles/26080940921361
  {
    name: 'vuid',
    provider: 'Vimeo',
    category: 'analytics',
    purpose: "Identifies the viewer, to give the video's owner viewing statistics.",
    expires: '2 years',
    domains: ['vimeo.com'],
  },
  {
    name: 'player',
    provider: 'Vimeo',
    category: 'preferences',
    purpose: 'Remembers player settings such as volume, quality and captions.',
    expires: '1 year',
    domains: ['vimeo.com'],
  },
  {
    name: 'player_clearance',
    provider: 'Vimeo',
    category: 'essential',
    purpose: "Protects Vimeo's player from bots.",
    expires: '7 days',
    domains: ['vimeo.com'],
  },

  // Matomo: https://matomo.org/faq/general/faq_146/
  {
    name: '_pk_id.*',
    provider: 'Matomo',
    category: 'analytics',
    purpose: 'Keeps a visitor ID, so later visits count as the same visitor.',
    expires: '13 months',
  },
  { name: '_pk_ses.*', provider: 'Matomo', category: 'analytics', purpose: 'Holds short-lived data about the current visit.', expires: '30 minutes' },
  { name: '_pk_ref.*', provider: 'Matomo', category: 'analytics', purpose: 'Keeps how the visitor first reached the site.', expires: '6 months' },
  { name: '_pk_*', provider: 'Matomo', category: 'analytics', purpose: 'Holds short-lived Matomo tracking data.', expires: '30 minutes' },
  {
    name: 'mtm_consent*',
    provider: 'Matomo',
    category: 'essential',
    purpose: "Remembers the visitor's consent choice for Matomo tracking.",
    expires: '30 years',
  },
  {
    name: 'MATOMO_SESSID',
    provider: 'Matomo',
    category: 'essential',
    purpose: "Keeps the session of Matomo's opt-out form and interface.",
    expires: 'Session',
  },

  // WordPress: https://developer.wordpress.org/advanced-administration/wordpress/cookies/
  {
    name: 'wordpress_logged_in_*',
    provider: 'WordPress',
    category: 'essential',
    purpose: 'Shows that a user is signed in, and who they are.',
    expires: 'Session (14 days with "Remember me")',
  },
  { name: 'wordpress_test_cookie', provider: 'WordPress', category: 'essential', purpose: 'Checks that the browser accepts cookies.', expires: 'Session' },
  {
    name: 'wordpress_*',
    provider: 'WordPress',
    category: 'essential',
    purpose: "Keeps a signed-in user's authentication for the admin area.",
    expires: 'Session (14 days with "Remember me")',
  },
  { name: 'wp-settings-*', provider: 'WordPress', category: 'preferences', purpose: "Remembers a signed-in user's admin screen settings.", expires: '1 year' },
  { name: 'wp-postpass_*', provider: 'WordPress', category: 'essential', purpose: 'Remembers the password entered for a protected post.', expires: '10 days' },
  {
    name: 'comment_author_*',
    provider: 'WordPress',
    category: 'preferences',
    purpose: "Remembers a commenter's name, email and website for their next comment.",
    expires: '347 days',
  },
  { name: 'wp_lang', provider: 'WordPress', category: 'preferences', purpose: 'Remembers the language chosen on the sign-in screen.', expires: 'Session' },

  // Drupal: https://www.drupal.org/docs/administering-a-drupal-site/security-in-drupal/session-cookies
  { name: 'SSESS*', provider: 'Drupal', category: 'essential', purpose: "Keeps a signed-in user's session (HTTPS sites).", expires: '23 days' },
  { name: 'SESS*', provider: 'Drupal', category: 'essential', purpose: "Keeps a signed-in user's session.", expires: '23 days' },

  // Server frameworks' session and anti-forgery cookies (each framework's documentation):
  // https://www.php.net/manual/en/session.configuration.php
  { name: 'PHPSESSID', provider: 'PHP', category: 'essential', purpose: "Keeps the visitor's session, such as a sign-in or a basket.", expires: 'Session' },
  // https://jakarta.ee/specifications/servlet/
  {
    name: 'JSESSIONID',
    provider: 'Java web server',
    category: 'essential',
    purpose: "Keeps the visitor's session, such as a sign-in or a basket.",
    expires: 'Session',
  },
  // https://learn.microsoft.com/en-us/aspnet/core/fundamentals/app-state
  {
    name: 'ASP.NET_SessionId',
    provider: 'ASP.NET',
    category: 'essential',
    purpose: "Keeps the visitor's session, such as a sign-in or a basket.",
    expires: 'Session',
  },
  {
    name: '.AspNetCore.*',
    provider: 'ASP.NET Core',
    category: 'essential',
    purpose: 'Keeps the session or sign-in, or protects forms against forgery.',
    expires: 'Session',
  },
  {
    name: '__RequestVerificationToken*',
    provider: 'ASP.NET',
    category: 'essential',
    purpose: 'Protects forms against cross-site request forgery.',
    expires: 'Session',
  },
  // https://learn.microsoft.com/en-us/azure/app-service/configure-common
  {
    name: 'ARRAffinity*',
    provider: 'Azure App Service',
    category: 'essential',
    purpose: 'Sends the visitor back to the same server instance.',
    expires: 'Session',
  },
  // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html
  {
    name: 'AWSALB*',
    provider: 'Amazon Web Services',
    category: 'essential',
    purpose: 'Sends the visitor back to the same server behind the load balancer.',
    expires: '7 days',
  },
  // https://docs.djangoproject.com/en/stable/ref/settings/
  { name: 'csrftoken', provider: 'Django', category: 'essential', purpose: 'Protects forms against cross-site request forgery.', expires: '1 year' },
  { name: 'sessionid', provider: 'Django', category: 'essential', purpose: "Keeps the visitor's session, such as a sign-in.", expires: '2 weeks' },
  // https://laravel.com/docs/session and https://laravel.com/docs/csrf
  { name: 'laravel_session', provider: 'Laravel', category: 'essential', purpose: "Keeps the visitor's session, such as a sign-in.", expires: '2 hours' },
  { name: 'XSRF-TOKEN', provider: 'Laravel', category: 'essential', purpose: 'Protects requests against cross-site request forgery.', expires: '2 hours' },

  // Shopify: https://www.shopify.com/legal/cookies
  { name: '_shopify_y', provider: 'Shopify', category: 'analytics', purpose: "Identifies the visitor for Shopify's shop analytics.", expires: '1 year' },
  { name: '_shopify_s', provider: 'Shopify', category: 'analytics', purpose: "Identifies the visit for Shopify's shop analytics.", expires: '30 minutes' },
  { name: '_tracking_consent', provider: 'Shopify', category: 'essential', purpose: "Stores the visitor's cookie choices for the shop.", expires: '1 year' },
  { name: 'cart', provider: 'Shopify', category: 'essential', purpose: "Keeps the contents of the visitor's basket.", expires: '2 weeks' },
  { name: 'secure_customer_sig', provider: 'Shopify', category: 'essential', purpose: 'Keeps a customer signed in.', expires: '1 year' },

  // Stripe: https://stripe.com/legal/cookies-policy
  { name: '__stripe_mid', provider: 'Stripe', category: 'essential', purpose: 'Prevents fraud when the visitor pays by card.', expires: '1 year' },
  { name: '__stripe_sid', provider: 'Stripe', category: 'essential', purpose: 'Prevents fraud when the visitor pays by card.', expires: '30 minutes' },
];
