// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cookiePairs, readCookie } from '../../src/core/cookie-header';

describe('cookiePairs', () => {
  it('lists every cookie in order, duplicates included, exactly as sent', () => {
    expect(cookiePairs('a=1; b="2"; c=%26; a=3;d=x=y')).toEqual([
      ['a', '1'],
      ['b', '"2"'],
      ['c', '%26'],
      ['a', '3'],
      ['d', 'x=y'],
    ]);
  });

  it('gives a nameless cookie (no "=") an empty name, as browsers do', () => {
    expect(cookiePairs('lonely; a=1')).toEqual([
      ['', 'lonely'],
      ['a', '1'],
    ]);
  });
});

describe('readCookie', () => {
  it('reads the one value of a cookie among others', () => {
    expect(readCookie('x=1; biscuit_consent=v; biscuit_consent_old=2', 'biscuit_consent')).toBe('v');
    expect(readCookie('x=1', 'biscuit_consent')).toBeUndefined();
    expect(readCookie('', 'biscuit_consent')).toBeUndefined();
  });

  it('decodes, unquotes and trims nothing: a browser does none of it', () => {
    expect(readCookie('c=%26', 'c')).toBe('%26');
    expect(readCookie('c="v"', 'c')).toBe('"v"');
    expect(readCookie('c=v ', 'c')).toBe('v ');
  });

  it('reads duplicates that agree, and nothing when they disagree (one was planted from elsewhere)', () => {
    expect(readCookie('c=v; x=1; c=v', 'c')).toBe('v');
    expect(readCookie('c=granted; c=refused', 'c')).toBeUndefined();
    expect(readCookie('c=v; c=', 'c')).toBeUndefined();
  });
});
