import { ConsentLogError } from '../core/errors';
import type { ConsentRecord } from '../core/record';

/** How long the log may take before the save gives up on it. */
const TIMEOUT = 10_000;

/**
 * Sends a saved record to `url` as JSON (`{ id, updatedAt, revision,
 * categories, source }`: nothing personal beyond the random ID) with `fetch`
 * and `keepalive`, so it survives the visitor leaving the page. Rejects with a
 * `ConsentLogError` on a network error, a timeout or a non-2xx answer.
 */
export async function sendToConsentLog(url: string, { id, updatedAt, revision, categories, source }: ConsentRecord): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id, updatedAt, revision, categories, source }),
      signal: controller.signal,
    });
  } catch (cause) {
    throw new ConsentLogError('biscuit-consent: the consent log could not be reached', { cause });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new ConsentLogError(`biscuit-consent: the consent log answered ${response.status}`);
}
