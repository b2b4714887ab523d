// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.example.gov.uk/services/bins" }
// Clean-up on a real site's host name: the cookies an analytics script set on
// the parent domain (as Google Analytics does) are deleted too.
import { afterEach, describe, expect, it } from 'vitest';
import { removeCookies } from '../../src/storage/cookie';

afterEach(() => {
  for (const domain of ['', '; domain=example.gov.uk', '; domain=www.example.gov.uk']) document.cookie = `_ga=; path=/${domain}; max-age=0`;
});

describe('removeCookies on www.example.gov.uk', () => {
  it('deletes a cookie set on the parent domain and one set on the host', () => {
    document.cookie = '_ga=parent; path=/; domain=example.gov.uk';
    document.cookie = '_ga=host; path=/; domain=www.example.gov.uk';
    document.cookie = 'session=1; path=/';
    expect(document.cookie).toBe('_ga=parent; _ga=host; session=1');
    removeCookies(['_ga']);
    expect(document.cookie).toBe('session=1');
  });
});
