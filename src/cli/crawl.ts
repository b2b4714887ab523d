/**
 * Which pages a scan visits: breadth first from the start URL, following
 * links on the same origin only, never a `mailto:`, `javascript:` or download
 * link, each page once whatever its #fragment, up to a limit.
 */

// Files a link may point to that are not pages: fetching them shows nothing about cookies.
const NOT_A_PAGE =
  /\.(pdf|zip|gz|tgz|rar|7z|docx?|xlsx?|pptx?|odt|ods|odp|csv|rtf|txt|xml|json|jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|mp3|mp4|m4a|m4v|mov|avi|webm|ogg|wav|flac|exe|dmg|msi|apk|iso|ics|vcf|epub)$/i;

/** The page a link leads to, without its fragment; undefined when the scan must not follow it. */
export function pageOf(href: string, origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return undefined;
  }
  if ((url.protocol != 'http:' && url.protocol != 'https:') || url.origin != origin || NOT_A_PAGE.test(url.pathname)) return undefined;
  url.hash = '';
  return url.href;
}

/** A breadth-first visit plan. */
export interface Crawl {
  /** The next page to visit, or undefined when the limit is reached or nothing is left. */
  next(): string | undefined;
  /** Links found on the page just visited, absolute or relative to `base`. */
  found(hrefs: readonly string[], base: string): void;
  /** A page reached another way (e.g. the end of a redirect), so it is not visited again. */
  seen(url: string): void;
}

/** Options of `createCrawl`. */
export interface CrawlOptions {
  readonly start: string;
  /** Only links on this origin are followed. */
  readonly origin: string;
  /** The most pages `next` hands out. */
  readonly limit: number;
}

/** A crawl that starts at `start` and hands out at most `limit` pages. */
export function createCrawl({ start, origin, limit }: CrawlOptions): Crawl {
  const queue = [start];
  const known = new Set(queue);
  let handedOut = 0;
  return {
    next() {
      if (handedOut >= limit) return undefined;
      const url = queue.shift();
      if (url !== undefined) handedOut++;
      return url;
    },
    found(hrefs, base) {
      for (const href of hrefs) {
        let absolute: string;
        try {
          absolute = new URL(href, base).href;
        } catch {
          continue;
        }
        const page = pageOf(absolute, origin);
        if (page && !known.has(page)) {
          known.add(page);
          queue.push(page);
        }
      }
    },
    seen(url) {
      const page = pageOf(url, origin);
      if (!page) return;
      known.add(page);
      const queued = queue.indexOf(page);
      if (queued >= 0) queue.splice(queued, 1);
    },
  };
}
