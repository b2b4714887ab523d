// @vitest-environment node
// What the script tag does with a config that has a field at fault: it drops
// the field at once (salvageConfig, words left out), and the report chunk says
// why in createConsent's words.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportConfig } from '../src/config-report';
import { salvageConfig } from '../src/config-salvage';
import { readConfig } from '../src/core/config';

afterEach(() => vi.restoreAllMocks());

describe('salvaging a config', () => {
  it('drops each field at fault and keeps the rest, without the words for what was wrong', () => {
    const dropped: string[] = [];
    const config = salvageConfig(
      { cookie: { expiresDays: 0 }, cookiesPageUrl: 'javascript:alert(1)', revision: 3, categories: { analytics: {} } },
      (config) => readConfig(config, String),
      (error, field) => dropped.push(`${field}: ${error!.message}`),
    );
    expect(dropped).toEqual([
      'cookie.expiresDays: biscuit-consent: config.cookie.expiresDays must be days',
      'cookiesPageUrl: biscuit-consent: config.cookiesPageUrl must be url',
    ]);
    expect(config.revision).toBe(3);
    expect(config.cookie.expiresDays).toEqual({ granted: 365, refused: 365 });
    expect(config.cookiesPageUrl).toBeUndefined();
    expect(config.categories.map((category) => category.name)).toEqual(['essential', 'analytics']);
  });

  it('uses the defaults for a config that is not a plain object, and says so', () => {
    const dropped = vi.fn();
    expect(salvageConfig('analytics', (config) => readConfig(config, String), dropped).categories).toHaveLength(3);
    expect(dropped).toHaveBeenCalledWith();
  });
});

describe('reporting a bad config', () => {
  it('says what each dropped field must be, as createConsent would', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    reportConfig({ cookie: { expiresDays: 0 }, cookiesPageUrl: 'javascript:alert(1)', categorys: {} });
    expect(error.mock.calls).toEqual([
      ['biscuit-consent: config.cookie.expiresDays must be a whole number of days from 1 to 730; ignoring config.cookie.expiresDays'],
      ['biscuit-consent: config.cookiesPageUrl must be a relative or http(s) URL; ignoring config.cookiesPageUrl'],
    ]);
    expect(warn).toHaveBeenCalledWith('biscuit-consent: ignoring unknown config keys: categorys');
  });

  it('says when the config is not a plain object', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    reportConfig([]);
    expect(error).toHaveBeenCalledWith('biscuit-consent: the config must be a plain object; using the defaults');
  });
});
