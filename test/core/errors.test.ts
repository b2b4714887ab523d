// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BiscuitError, ConfigError, ConsentLogError, StorageError } from '../../src/core/errors';

describe('errors', () => {
  it('each carry their own name, which consoles print and minifiers cannot rename, and our prefix', () => {
    const errors = [new BiscuitError('a'), new ConfigError('cookie.name', 'a cookie name'), new StorageError('b'), new ConsentLogError('c')];
    expect(errors.map((error) => error.name)).toEqual(['BiscuitError', 'ConfigError', 'StorageError', 'ConsentLogError']);
    expect(errors.map(String)).toEqual([
      'BiscuitError: biscuit-consent: a',
      'ConfigError: biscuit-consent: config.cookie.name must be a cookie name',
      'StorageError: biscuit-consent: b',
      'ConsentLogError: biscuit-consent: c',
    ]);
  });

  it('are all BiscuitErrors, so a site tells ours from its own with one instanceof', () => {
    for (const error of [new ConfigError('revision', 'a whole number'), new StorageError('b'), new ConsentLogError('c')]) {
      expect(error).toBeInstanceOf(BiscuitError);
      expect(error).toBeInstanceOf(Error);
    }
  });
});
