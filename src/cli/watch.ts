/**
 * Watches one browser profile while a phase runs: every cookie write (from a
 * `Set-Cookie` response header, `document.cookie` or `cookieStore.set`) and
 * every `Storage.setItem`, with the response or script that made it; what is
 * stored once each page has settled; and when the network has gone quiet.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { bounded, EVALUATE_MS } from './bounded';
import { parseCookieWrite } from './cookie-write';
import type { Observation, SetBy } from './findings';
import type { StorageKind } from './known-cookies';
import { isThirdParty } from './sites';

/** What the in-page script reports through the binding. */
type PageReport =
  | { readonly type: 'cookie'; readonly text: string; readonly host: string; readonly script?: string }
  | { readonly type: 'localStorage' | 'sessionStorage'; readonly key: string; readonly origin: string; readonly script?: string };

/** The name of the function the in-page script reports to. */
const BINDING = '__biscuitConsentScan';

/**
 * Runs in every frame before the page's own scripts, so it sees each write
 * with the script that made it: the first frame of the call stack with a URL
 * (this script has none). Kept self-contained: Playwright sends its source.
 */
function instrument(binding: string) {
  const send = (report: object) => {
    try {
      (window as unknown as Record<string, (report: object) => void>)[binding]!(report);
    } catch {
      // The page replaced the binding: the write still happens, unattributed.
    }
  };
  const caller = () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 50;
    const stack = String(new Error().stack);
    Error.stackTraceLimit = limit;
    const match = /(https?:\/\/[^\s()]+?):\d+:\d+/.exec(stack);
    return match ? match[1] : undefined;
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.get && cookie.set) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable === true,
      get() {
        return get.call(this);
      },
      set(value) {
        send({ type: 'cookie', text: String(value), host: location.hostname, script: caller() });
        set.call(this, value);
      },
    });
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    let type = 'localStorage';
    try {
      if (this === window.sessionStorage) type = 'sessionStorage';
    } catch {
      // Storage this frame may not use: setItem throws below anyway.
    }
    send({ type, key: String(key), origin: location.origin, script: caller() });
    return setItem.call(this, key, value);
  };
  const store = (window as unknown as { CookieStore?: { prototype: { set?: (...args: unknown[]) => Promise<void> } } }).CookieStore;
  const storeSet = store?.prototype.set;
  if (store && storeSet) {
    store.prototype.set = function (...args: unknown[]) {
      const options = (typeof args[0] == 'string' ? { name: args[0], value: args[1] } : args[0] || {}) as Record<string, unknown>;
      const expires = typeof options.expires == 'number' ? `; expires=${new Date(options.expires).toUTCString()}` : '';
      const domain = typeof options.domain == 'string' ? `; domain=${options.domain}` : '';
      send({ type: 'cookie', text: `${options.name}=${options.value}${expires}${domain}`, host: location.hostname, script: caller() });
      return storeSet.apply(this, args);
    };
  }
}

/** One write seen during the phase. */
interface Write {
  readonly kind: StorageKind;
  readonly name: string;
  /** Cookies: the Domain attribute or the host that set it; storage: the origin. */
  readonly target: string;
  /** The cookie had a Domain attribute. */
  readonly domainCookie: boolean;
  readonly deletion: boolean;
  readonly lifetime: number | 'session' | 'persistent';
  readonly setBy: SetBy | undefined;
  readonly page: string;
  /** Made while the phase was recording (for phases two and three: after the choice). */
  readonly recorded: boolean;
}

/** What a phase does with its profile's watcher. */
export interface Watch {
  /** From now on, writes count for the phase (phases two and three start after the choice). */
  record(): void;
  /** The page findings are attributed to. */
  setPage(url: string): void;
  /** Waits until no request has been in flight for half a second, or `maxMs`. */
  settle(maxMs: number): Promise<void>;
  /** Reads the profile's cookies and the web storage of every frame of `page`, keeping what is new. */
  snapshot(page: Page): Promise<void>;
  /** Everything the phase found, first seen first; writes that left nothing behind come last, as removed. */
  observations(siteHost: string): Promise<Observation[]>;
}

const QUIET_MS = 500;

/** Starts watching `context`; call before the first page loads. */
export async function watchContext(context: BrowserContext, now: () => number = Date.now): Promise<Watch> {
  const writes: Write[] = [];
  const pending = new Set<Promise<unknown>>();
  const inFlight = new Set<unknown>();
  let lastActivity = now();
  let recording = false;
  let page = '';

  // `at`: the page and recording state when the write happened (a response's headers arrive later).
  const addCookieWrite = (text: string, host: string, setBy: SetBy | undefined, at = { page, recording }) => {
    const write = parseCookieWrite(text, now());
    if (!write) return;
    writes.push({
      kind: 'cookie',
      name: write.name,
      target: write.domain ?? host,
      domainCookie: write.domain !== undefined,
      deletion: write.deletion,
      lifetime: write.lifetime,
      setBy,
      page: at.page,
      recorded: at.recording,
    });
  };

  await context.exposeBinding(BINDING, ({ frame }, report: PageReport) => {
    const script = report.script ?? (frame.url() || undefined);
    const setBy: SetBy | undefined = script ? { type: 'script', url: script } : undefined;
    if (report.type == 'cookie') return addCookieWrite(report.text, report.host, setBy);
    const storage = report.type == 'sessionStorage' ? 'sessionStorage' : 'localStorage';
    const lifetime = storage == 'sessionStorage' ? 'session' : 'persistent';
    writes.push({ kind: storage, name: report.key, target: report.origin, domainCookie: false, deletion: false, lifetime, setBy, page, recorded: recording });
  });
  await context.addInitScript(`(${instrument.toString()})(${JSON.stringify(BINDING)})`);

  context.on('request', (request) => {
    inFlight.add(request);
    lastActivity = now();
  });
  const done = (request: unknown) => {
    inFlight.delete(request);
    lastActivity = now();
  };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  context.on('response', (response) => {
    const url = response.url();
    const at = { page, recording };
    const reading = response
      .headersArray()
      .then((headers) => {
        const host = new URL(url).hostname;
        for (const { name, value } of headers) {
          if (name.toLowerCase() == 'set-cookie') addCookieWrite(value, host, { type: 'response', url }, at);
        }
      })
      // A response whose page went away: its headers are gone too.
      .catch(() => {});
    pending.add(reading);
    void reading.finally(() => pending.delete(reading));
  });

  const found = new Map<string, Observation>();
  const latestWrite = (kind: StorageKind, name: string, matches: (write: Write) => boolean) => {
    for (let i = writes.length - 1; i >= 0; i--) {
      const write = writes[i]!;
      if (write.kind == kind && write.name == name && !write.deletion && matches(write)) return write;
    }
    return undefined;
  };
  // The browser keeps a cookie set with a Domain attribute as `.domain`, one without as the bare host.
  const cookieWriteFor = (name: string, domain: string) =>
    latestWrite('cookie', name, (write) => write.target == domain.replace(/^\./, '') && write.domainCookie == domain.startsWith('.'));

  const storageOf = (frame: Frame) =>
    bounded(
      frame.evaluate(() => {
        try {
          return { origin: location.origin, localStorage: Object.keys(localStorage), sessionStorage: Object.keys(sessionStorage) };
        } catch {
          return undefined;
        }
      }),
      EVALUATE_MS,
      undefined,
    );

  return {
    record() {
      recording = true;
    },
    setPage(url) {
      page = url;
    },
    async settle(maxMs) {
      const deadline = now() + Math.max(0, maxMs);
      while (now() < deadline && (inFlight.size > 0 || now() - lastActivity < QUIET_MS)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await Promise.all(pending);
    },
    async snapshot(current) {
      await Promise.all(pending);
      const seconds = now() / 1000;
      for (const cookie of await context.cookies()) {
        const key = `cookie|${cookie.name}|${cookie.domain}|${cookie.path}`;
        if (found.has(key)) continue;
        const write = cookieWriteFor(cookie.name, cookie.domain);
        found.set(key, {
          kind: 'cookie',
          name: cookie.name,
          domain: cookie.domain,
          thirdParty: false,
          lifetime: write ? write.lifetime : cookie.expires < 0 ? 'session' : Math.max(0, Math.round(cookie.expires - seconds)),
          page,
          ...(write?.setBy && { setBy: write.setBy }),
        });
      }
      for (const storage of await Promise.all(current.frames().map(storageOf))) {
        if (!storage || !/^https?:/.test(storage.origin)) continue;
        for (const kind of ['localStorage', 'sessionStorage'] as const) {
          for (const name of storage[kind]) {
            const key = `${kind}|${storage.origin}|${name}`;
            if (found.has(key)) continue;
            const write = latestWrite(kind, name, (candidate) => candidate.target == storage.origin);
            found.set(key, {
              kind,
              name,
              domain: new URL(storage.origin).hostname,
              origin: storage.origin,
              thirdParty: false,
              lifetime: kind == 'sessionStorage' ? 'session' : 'persistent',
              page,
              ...(write?.setBy && { setBy: write.setBy }),
            });
          }
        }
      }
    },
    async observations(siteHost) {
      await Promise.all(pending);
      const all = [...found.values()];
      // Set during the phase, gone before the page settled: still set, so still reported.
      const removed = new Map<string, Observation>();
      for (const write of writes) {
        if (!write.recorded || write.deletion) continue;
        const domain = write.kind == 'cookie' ? (write.domainCookie ? `.${write.target}` : write.target) : new URL(write.target).hostname;
        const stillThere = all.some(
          (observation) =>
            observation.kind == write.kind &&
            observation.name == write.name &&
            (write.kind == 'cookie' ? observation.domain.replace(/^\./, '') == write.target : observation.origin == write.target),
        );
        const key = `${write.kind}|${write.name}|${domain}`;
        if (stillThere || removed.has(key)) continue;
        removed.set(key, {
          kind: write.kind,
          name: write.name,
          domain,
          ...(write.kind != 'cookie' && { origin: write.target }),
          thirdParty: false,
          lifetime: write.lifetime,
          page: write.page,
          ...(write.setBy && { setBy: write.setBy }),
          removed: true,
        });
      }
      return [...all, ...removed.values()].map((observation) => ({
        ...observation,
        thirdParty: isThirdParty(observation.domain.replace(/^\./, ''), siteHost),
      }));
    },
  };
}
