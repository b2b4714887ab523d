// What every entry exports besides createConsent: errors, the memory storage and the types.
export { BiscuitError, ConfigError, ConsentLogError, StorageError } from '../core/errors';
export { createMemoryStorage } from '../storage/memory';
export type {
  CategoryConfig,
  CategoryNames,
  ConsentConfig,
  ConsentLogConfig,
  ConsentModeSignal,
  CookieConfig,
  CookieDeclaration,
  CookieEntry,
  CookiePattern,
  GoogleConsentModeConfig,
  LocalizedText,
  ResolvedCategory,
  ResolvedConfig,
  ResolvedCookie,
  StorageKind,
} from '../core/config';
export type { Choices, ConsentRecord, ConsentSource } from '../core/record';
export type { ConsentStorage } from '../core/consent-storage';
export type { Consent, ConsentEvents, ConsentView, SaveOptions, SaveResult } from '../core/consent';
export { DEFAULT_CATEGORY_TEXTS } from '../core/default-categories';
