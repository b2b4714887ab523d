import type { ConsentRecord } from '../core/record';

/** How long the log may take before the save gives up on it. */
const TIMEOUT = 10_000;

/**
 * Sends a saved record to `url` as JSON (`{ id, updatedAt, revision,
 * categories, exempt, source }`: nothing personal beyond the random ID; `exempt`
 * lists the categories on under an exemption, not by consent) with `fetch`
 * and `keepalive`, so it survives the visitor leaving the page. Rejects on a
 * network error, a timeout or a non-2xx answer; the store turns that into a
 * `ConsentLogError` (this file is a lazy chunk with no copy of the error classes).
 */
export async function sendToConsentLog(url: string, { id, updatedAt, revision, categories, exempt, source }: ConsentRecord): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id, updatedAt, revision, categories, exempt, source }),
      signal: controller.signal,
    });
  } catch (cause) {
    throw new Error('the consent log could not be reached', { cause });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new Error(`the consent log answered ${response.status}`);
}
