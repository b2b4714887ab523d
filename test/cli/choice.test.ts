// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BUTTON_NAMES, buttonNamePattern, buttonNames } from '../../src/cli/choice';
import { readSiteConfig } from '../../src/cli/site-config';
import { cy } from '../../src/ui/texts/cy';
import { en } from '../../src/ui/texts/en';

describe('button names', () => {
  it("start with the library's own English and Welsh button texts", () => {
    expect(BUTTON_NAMES.reject.slice(0, 2)).toEqual([en.reject, cy.reject]);
    expect(BUTTON_NAMES.accept.slice(0, 2)).toEqual([en.accept, cy.accept]);
  });

  it("put the site's own texts first, each name once", () => {
    const site = readSiteConfig({ source: 'block', config: { texts: { en: { reject: 'No thanks' }, 'en-GB': { reject: 'no THANKS' } } } });
    const names = buttonNames('reject', site);
    expect(names.slice(0, 3)).toEqual(['No thanks', 'Reject additional cookies', 'Gwrthod cwcis ychwanegol']);
    expect(names.filter((name) => name.toLowerCase() == 'no thanks')).toHaveLength(1);
    expect(buttonNames('accept', undefined)).toEqual(BUTTON_NAMES.accept);
  });
});

describe('buttonNamePattern', () => {
  const pattern = buttonNamePattern(['Reject all', 'Use (only) necessary cookies']);

  it('matches a whole name, ignoring case and surrounding space', () => {
    expect(pattern.test('Reject all')).toBe(true);
    expect(pattern.test('  reject ALL ')).toBe(true);
    expect(pattern.test('Use (only) necessary cookies')).toBe(true);
  });

  it('does not match a name that only contains one, nor treat texts as patterns', () => {
    expect(pattern.test('Reject all applications')).toBe(false);
    expect(pattern.test('Use only necessary cookies')).toBe(false);
  });
});
