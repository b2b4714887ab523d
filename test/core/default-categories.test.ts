// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORY_TEXTS } from '../../src/core/default-categories';

describe('DEFAULT_CATEGORY_TEXTS', () => {
  // Public: a headless UI shows these as they are.
  it('names and explains each category the library knows, in the house style', () => {
    expect(Object.keys(DEFAULT_CATEGORY_TEXTS)).toEqual(['essential', 'preferences', 'analytics', 'marketing']);
    const titles = Object.values(DEFAULT_CATEGORY_TEXTS).map(({ title }) => title);
    // "Analytics cookies": a capitalised word and "cookies", each title its own.
    for (const title of titles) expect(title).toMatch(/^[A-Z][a-z]+ cookies$/);
    expect(new Set(titles).size).toBe(titles.length);
    for (const { description } of Object.values(DEFAULT_CATEGORY_TEXTS)) expect(description).toMatch(/^These cookies [^<>]{20,}\.$/);
    // The one a visitor cannot refuse says so.
    expect(DEFAULT_CATEGORY_TEXTS.essential!.description).toMatch(/They are always on\.$/);
  });
});
