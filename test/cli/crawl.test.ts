// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createCrawl, pageOf } from '../../src/cli/crawl';

const ORIGIN = 'https://www.anytown.gov.uk';

describe('pageOf', () => {
  it('follows pages on the same origin, without their fragment', () => {
    expect(pageOf('https://www.anytown.gov.uk/bins?day=mon#when', ORIGIN)).toBe('https://www.anytown.gov.uk/bins?day=mon');
    expect(pageOf('/council-tax', ORIGIN)).toBe('https://www.anytown.gov.uk/council-tax');
  });

  it('never leaves the site: other hosts, schemes and ports are not followed', () => {
    for (const href of [
      'https://anytown.gov.uk/',
      'https://maps.anytown.gov.uk/',
      'http://www.anytown.gov.uk/',
      'https://www.anytown.gov.uk:8443/',
      'https://www.youtube.com/watch?v=1',
      'mailto:bins@anytown.gov.uk',
      'tel:+441234567890',
      'javascript:void(0)',
      'data:text/html,hi',
    ]) {
      expect(pageOf(href, ORIGIN), href).toBeUndefined();
    }
  });

  it('skips files that are not pages', () => {
    for (const path of ['/report.pdf', '/a/b.DOCX', '/photo.jpg', '/feed.xml', '/video.mp4', '/calendar.ics'])
      expect(pageOf(path, ORIGIN), path).toBeUndefined();
    expect(pageOf('/pdf-guide', ORIGIN)).toBe(`${ORIGIN}/pdf-guide`);
  });
});

describe('createCrawl', () => {
  const all = (crawl: ReturnType<typeof createCrawl>) => {
    const pages: string[] = [];
    for (let page = crawl.next(); page !== undefined; page = crawl.next()) pages.push(page);
    return pages;
  };

  it('goes breadth first from the start, each page once, up to the limit', () => {
    const crawl = createCrawl({ start: `${ORIGIN}/`, origin: ORIGIN, limit: 4 });
    expect(crawl.next()).toBe(`${ORIGIN}/`);
    crawl.found(['/a', '/b#top', 'https://elsewhere.example/', '/a#again', '/'], `${ORIGIN}/`);
    expect(crawl.next()).toBe(`${ORIGIN}/a`);
    crawl.found(['/a/deep', '/b'], `${ORIGIN}/a`);
    expect(all(crawl)).toEqual([`${ORIGIN}/b`, `${ORIGIN}/a/deep`]);
  });

  it('stops at the limit even when more pages are known', () => {
    const crawl = createCrawl({ start: `${ORIGIN}/`, origin: ORIGIN, limit: 2 });
    crawl.next();
    crawl.found(['/1', '/2', '/3'], `${ORIGIN}/`);
    expect(all(crawl)).toEqual([`${ORIGIN}/1`]);
  });

  it('resolves relative links against the page they are on', () => {
    const crawl = createCrawl({ start: `${ORIGIN}/bins/`, origin: ORIGIN, limit: 5 });
    crawl.next();
    crawl.found(['collection-days', '../recycling', 'http://[bad'], `${ORIGIN}/bins/`);
    expect(all(crawl)).toEqual([`${ORIGIN}/bins/collection-days`, `${ORIGIN}/recycling`]);
  });

  it('does not visit a page again that was reached another way, such as a redirect', () => {
    const crawl = createCrawl({ start: `${ORIGIN}/`, origin: ORIGIN, limit: 5 });
    crawl.next();
    crawl.found(['/old', '/new'], `${ORIGIN}/`);
    expect(crawl.next()).toBe(`${ORIGIN}/old`);
    // /old redirected to /new.
    crawl.seen(`${ORIGIN}/new`);
    expect(all(crawl)).toEqual([]);
  });
});
