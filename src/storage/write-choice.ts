import { encodeConsent } from '../core/codec';
import type { ResolvedCategory } from '../core/config';
import type { ConsentStorage } from '../core/consent-storage';
import type { ConsentRecord } from '../core/record';

/**
 * Writes a choice to `storage` as core/codec encodes it, and resolves with the
 * value kept. Rejects when the write fails or the browser did not keep the
 * value (cookies blocked, a cookie too large): the store then reports a
 * `StorageError`. It is in the writer chunk, not the store, because only a
 * choice runs it and the cookie write waits for that chunk anyway: a visitor
 * who does not choose never downloads it.
 */
export async function writeChoice(storage: ConsentStorage, record: ConsentRecord, categories: readonly ResolvedCategory[]): Promise<string> {
  const value = encodeConsent(record, categories);
  await storage.write(value);
  if (storage.read() !== value) throw new Error('the browser did not keep the cookie');
  return value;
}
