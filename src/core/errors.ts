import { PREFIX } from './report';

/**
 * Base class of every error biscuit-consent reports, so a site can tell ours
 * apart from its own with one `instanceof` check. Its message starts with
 * "biscuit-consent: ".
 */
export class BiscuitError extends Error {
  // Set explicitly: minifiers rename classes, and `name` is what consoles print.
  override name = 'BiscuitError';
  constructor(message: string, options?: ErrorOptions) {
    super(PREFIX + message, options);
  }
}

/** Thrown by `createConsent` when the configuration is malformed. `path` names the field. */
export class ConfigError extends BiscuitError {
  override name = 'ConfigError';
  /** The field at fault, e.g. `categories.analytics.cookies[2]`. */
  readonly path: string;
  constructor(path: string, expected: string) {
    super(`config.${path} must be ${expected}`);
    this.path = path;
  }
}

/** The consent cookie could not be written: cookies disabled, blocked, too large or unreadable. */
export class StorageError extends BiscuitError {
  override name = 'StorageError';
}

/** The consent log (`consentLog.url`) did not confirm a record. */
export class ConsentLogError extends BiscuitError {
  override name = 'ConsentLogError';
}
