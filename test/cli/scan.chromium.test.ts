// The `biscuit-consent scan` command against the examples server and fixture
// sites, in real Chromium: one browser per phase, as a user's scan runs. The
// command runs in-process (runCli), exactly as the built bin calls it.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with `npm start`
import { createExampleServer, listen } from '../../examples/serve.mjs';
import { runCli } from '../../src/cli/main';

let server: Server;
let origin: string;
let port: number;
/** Every request the server saw, as `host path`. */
const requests: string[] = [];

const CONFIG = '<script type="application/json" id="biscuit-config">{"categories":{"analytics":{"cookies":["_ga","_ga_*"]},"marketing":{}}}</script>';
const SCRIPT = '<script src="/assets/biscuit-consent/biscuit.global.js"></script>';
const html = (title: string, head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/** The fixture sites, generated per request because they name the server's port. */
function fixture(path: string): { body: string; status?: number; type?: string; headers?: Record<string, string | string[]> } | undefined {
  switch (path) {
    // A biscuit-consent site whose tag manager ignores consent.
    case '/scan/leaky/':
      return {
        body: html(
          'Leaky home',
          CONFIG + SCRIPT + '<script src="/scan/leaky/tag.js"></script>',
          `<a href="#content">Skip</a> <a href="/scan/leaky/two#part">Two</a> <a href="mailto:someone@example.com">Mail</a>
           <a href="javascript:void(0)">Nothing</a> <a href="http://other.site.test:${port}/scan/offsite">Elsewhere</a>
           <a href="/scan/leaky/report.pdf">Report</a> <a href="away">Away</a> <a href="three">Three</a> <a href="/scan/leaky/four">Four</a>`,
        ),
      };
    case '/scan/leaky/tag.js':
      return {
        type: 'text/javascript',
        body: `document.cookie = '_ga=GA1.1.1; path=/; max-age=63072000';
          document.cookie = '_fbp=fb.1.1; path=/; max-age=7776000';
          document.cookie = 'mystery=1; path=/';
          localStorage.setItem('_hjSessionUser_123', '{}');`,
      };
    // Sets a storage key once any choice is stored, whatever it was; embeds a third-party frame.
    case '/scan/leaky/two':
      return {
        body: html(
          'Leaky two',
          CONFIG + SCRIPT,
          `<iframe src="http://ads.tracker.test:${port}/scan/tracker" title="Advert"></iframe>
           <script>if (/biscuit_consent=/.test(document.cookie)) localStorage.setItem('chat_state', 'open');</script>`,
        ),
      };
    case '/scan/leaky/three':
    case '/scan/leaky/four':
      return { body: html('Leaky more', CONFIG + SCRIPT, '<a href="/scan/leaky/">Home</a>') };
    // A same-site link that redirects to another site.
    case '/scan/leaky/away':
      return { status: 302, body: '', headers: { Location: `http://other.site.test:${port}/scan/offsite` } };
    case '/scan/tracker':
      return { body: html('Advert', '', '<p>An advert</p>'), headers: { 'Set-Cookie': 'tp_id=abc; Path=/; Max-Age=31536000; SameSite=None; Secure' } };
    // No consent library at all.
    case '/scan/plain/':
      return {
        body: html('Plain', '<script>document.cookie = "_ga=GA1.1.2; path=/; max-age=63072000";</script>', '<p>No banner here.</p>'),
        headers: { 'Set-Cookie': 'PHPSESSID=s3ss10n; Path=/; HttpOnly' },
      };
    default:
      return undefined;
  }
}

function serveFixture(_request: IncomingMessage, response: ServerResponse, url: URL) {
  const page = fixture(url.pathname);
  if (!page) return response.writeHead(404).end();
  response
    .writeHead(page.status ?? 200, { 'Content-Type': `${page.type ?? 'text/html'}; charset=utf-8`, 'Cache-Control': 'no-store', ...page.headers })
    .end(page.body);
}

beforeAll(async () => {
  const started = await listen(
    createExampleServer({
      handlers: {
        '/scan/': (request: IncomingMessage, response: ServerResponse, url: URL) => {
          requests.push(`${request.headers.host} ${url.pathname} ${request.headers['user-agent']}`);
          serveFixture(request, response, url);
        },
      },
    }),
  );
  server = started.server;
  origin = started.origin;
  port = server.address() && typeof server.address() == 'object' ? (server.address() as { port: number }).port : 0;
});
afterAll(() => new Promise((done) => server.close(done)));

/** Runs the command, collecting its output. */
async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: process.env });
  return { code, stdout, stderr };
}

// Every *.test name is this server; the advert's origin counts as secure, so its SameSite=None cookie is kept.
const browserArgs = () => [
  `--browser-arg=--host-resolver-rules=MAP *.test 127.0.0.1`,
  `--browser-arg=--unsafely-treat-insecure-origin-as-secure=http://ads.tracker.test:${port}`,
];

// A scan starts Chromium three times and lets every page settle.
describe('biscuit-consent scan', { timeout: 90_000 }, () => {
  it('passes the legacy CMS example: nothing before a choice, only the consent cookie after rejecting', async () => {
    const { code, stdout, stderr } = await run('scan', `${origin}/legacy-cms/`, '--pages', '2');
    expect(stderr).toContain('No violations: exit code 0');
    expect(code).toBe(0);
    expect(stdout).toContain('PASS: no violations');
    expect(stdout).toMatch(/1\. A new visitor who does nothing: 2 pages\n {3}Nothing stored\./);
    expect(stdout).toContain('2. A visitor who rejects: clicked "Reject additional cookies"; 2 pages');
    expect(stdout).toMatch(
      /biscuit_consent +cookie +127\.0\.0\.1 +first +1 year +essential, consent cookie +\/legacy-cms\/ +script \/assets\/biscuit-consent\/biscuit-writer\.js/,
    );
    // Accepting runs the blocked analytics script, whose cookies the config declares.
    expect(stdout).toMatch(/_ga +cookie +127\.0\.0\.1 +first +2 years +analytics, site config +\/legacy-cms\/ +script \/legacy-cms\/analytics\.js/);
  });

  it('fails a site that sets an analytics cookie before consent, naming the cookie, the page and the phase', async () => {
    const { code, stdout } = await run('scan', `${origin}/scan/leaky/`, '--pages', '1');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL: \d+ violations$/m);
    const first = stdout.slice(stdout.indexOf('Before any choice: cookie "_ga"'));
    expect(first.split('\n').slice(0, 4)).toEqual([
      `Before any choice: cookie "_ga" on 127.0.0.1 was set before the visitor made a choice`,
      `     analytics, site config: Tells visitors apart, so Google Analytics can count them.`,
      `     first seen on ${origin}/scan/leaky/`,
      `     set by script ${origin}/scan/leaky/tag.js`,
    ]);
    expect(stdout).toContain('After rejecting: cookie "_ga" on 127.0.0.1 was set or kept after the visitor rejected');
  });

  it('reports in JSON: third-party cookies, storage left after rejecting, the page limit, and never leaves the site', async () => {
    requests.length = 0;
    const { code, stdout } = await run('scan', `${origin}/scan/leaky/`, '--json', '--pages', '3', '--user-agent', 'CookieAudit/1.0', ...browserArgs());
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ version: 1, tool: { name: 'biscuit-consent' }, url: `${origin}/scan/leaky/`, strict: false, exitCode: 1 });
    expect(report.config).toMatchObject({ source: 'live', consentCookie: 'biscuit_consent' });
    const [newVisitor, rejected, accepted] = report.phases;
    // Breadth first, fragments stripped, at most three pages: "three" and "four" are left for a larger --pages.
    expect(newVisitor.pages).toEqual([
      { url: `${origin}/scan/leaky/`, status: 200, error: null },
      { url: `${origin}/scan/leaky/two`, status: 200, error: null },
      { url: `${origin}/scan/leaky/away`, status: null, error: `redirected off the site to http://other.site.test:${port}/scan/offsite; not followed` },
    ]);
    expect(requests.filter((request) => /offsite|three|four|report\.pdf/.test(request))).toEqual([]);
    expect(requests.filter((request) => !request.endsWith(' CookieAudit/1.0'))).toEqual([]);
    // The other visitors see the pages that loaded.
    expect(rejected.pages.map((page: { url: string }) => page.url)).toEqual([`${origin}/scan/leaky/`, `${origin}/scan/leaky/two`]);
    expect(rejected.choice).toEqual({ made: true, how: 'banner', detail: 'clicked "Reject additional cookies"' });
    expect(accepted.choice).toMatchObject({ made: true, how: 'banner' });

    const advert = newVisitor.findings.find((finding: { name: string }) => finding.name == 'tp_id');
    expect(advert).toMatchObject({
      kind: 'cookie',
      domain: 'ads.tracker.test',
      thirdParty: true,
      expires: '1 year',
      page: `${origin}/scan/leaky/two`,
      setBy: { type: 'response', url: `http://ads.tracker.test:${port}/scan/tracker` },
      declared: false,
      essential: false,
      basis: 'unknown',
    });
    const ga = newVisitor.findings.find((finding: { name: string }) => finding.name == '_ga');
    expect(ga).toMatchObject({ thirdParty: false, category: 'analytics', declared: true, basis: 'config', pattern: '_ga', provider: 'Google Analytics' });

    const left = report.violations.find((violation: { finding: { name: string } | null }) => violation.finding?.name == 'chat_state');
    expect(left).toMatchObject({
      rule: 'after-reject',
      phase: 'rejected',
      message: `localStorage key "chat_state" of ${origin} was set or kept after the visitor rejected`,
      finding: {
        kind: 'localStorage',
        origin,
        page: `${origin}/scan/leaky/two`,
        expires: 'Until cleared',
        setBy: { type: 'script', url: `${origin}/scan/leaky/two` },
      },
    });
    expect(report.violations.filter((violation: { phase: string }) => violation.phase == 'accepted')).toEqual([]);
    // The consent cookie is the one thing a rejection may leave.
    const rejectedNames = rejected.findings.map((finding: { name: string }) => finding.name);
    expect(rejectedNames).toContain('biscuit_consent');
    expect(report.violations.map((violation: { finding: { name: string } | null }) => violation.finding?.name)).not.toContain('biscuit_consent');

    // What --suggest prints, in the same shape: the known names by category, the rest apart.
    expect(report.suggestions.categories).toEqual({
      analytics: {
        cookies: [
          {
            name: '_hjSessionUser_*',
            provider: 'Hotjar',
            purpose: "Keeps the visitor's Hotjar ID, so later visits count as the same visitor.",
            expires: 'Until cleared',
            storage: 'localStorage',
          },
        ],
      },
      marketing: {
        cookies: [
          { name: '_fbp', provider: 'Meta', purpose: 'Identifies the browser so visits can be linked to Facebook and Instagram ads.', expires: '90 days' },
        ],
      },
    });
    expect(report.suggestions.unknown.map((item: { kind: string; name: string }) => `${item.kind} ${item.name}`)).toEqual([
      'cookie mystery',
      'cookie tp_id',
      'localStorage chat_state',
    ]);
  });

  it('works on a site without biscuit-consent: checks before a choice, says why it could not choose, suggests entries', async () => {
    const { code, stdout, stderr } = await run('scan', `${origin}/scan/plain/`, '--suggest');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      categories: {
        essential: {
          cookies: [{ name: 'PHPSESSID', provider: 'PHP', purpose: "Keeps the visitor's session, such as a sign-in or a basket.", expires: 'Session' }],
        },
        analytics: {
          cookies: [{ name: '_ga', provider: 'Google Analytics', purpose: 'Tells visitors apart, so Google Analytics can count them.', expires: '2 years' }],
        },
      },
    });
    const cannot = stderr.split('\n').filter((line) => line.includes('could not choose'));
    expect(cannot).toHaveLength(2);
    for (const line of cannot) expect(line).toMatch(/could not choose: no visible button named ".+" or the like, and no window\.Biscuit$/);
    expect(stderr).toContain('1 violation: exit code 1');
  });

  it('exits 2 with one line when the site cannot be reached', async () => {
    const closed = await listen(createExampleServer());
    await new Promise((done) => closed.server.close(done));
    const { code, stdout, stderr } = await run('scan', `${closed.origin}/`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n').at(-1)).toBe(`biscuit-consent: could not load ${closed.origin}/: net::ERR_CONNECTION_REFUSED at ${closed.origin}/`);
  });
});
