// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dropField } from '../../src/core/drop-field';

describe('dropField', () => {
  it('leaves out the one field a ConfigError names, and keeps everything around it', () => {
    const config = { cookie: { name: 'site_consent', expiresDays: 0 }, categories: { analytics: { title: 'Stats', cookies: ['_ga', 42, '_gid'] } } };
    expect(dropField(config, 'cookie.expiresDays')).toEqual({ cookie: { name: 'site_consent' }, categories: config.categories });
    expect(dropField(config, 'categories.analytics.cookies[1]')).toEqual({
      cookie: config.cookie,
      categories: { analytics: { title: 'Stats', cookies: ['_ga', '_gid'] } },
    });
    expect(dropField(config, 'categories.analytics')).toEqual({ cookie: config.cookie, categories: {} });
  });

  it('never changes the config it was given', () => {
    const config = { categories: { analytics: { cookies: ['_ga', 42] } } };
    const before = JSON.stringify(config);
    dropField(config, 'categories.analytics.cookies[1]');
    expect(JSON.stringify(config)).toBe(before);
  });

  it('gives undefined, without throwing, when the way to the field is not an object', () => {
    expect(dropField({ cookie: null }, 'cookie.name')).toBeUndefined();
    expect(dropField({ texts: 'abc' }, 'texts[0]')).toBeUndefined();
    expect(dropField({ revision: 3 }, 'revision.toFixed')).toBeUndefined();
  });

  it('gives undefined for a field the config does not have (own fields only)', () => {
    expect(dropField({ consentLog: {} }, 'consentLog.url')).toBeUndefined();
    expect(dropField({ cookie: 'x' }, 'cookie.name')).toBeUndefined();
    expect(dropField({}, 'toString')).toBeUndefined();
    expect(dropField({ categories: {} }, 'categories.constructor')).toBeUndefined();
  });
});
