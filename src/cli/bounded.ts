/**
 * A page can stop answering (a script in an endless loop, a frame on its way
 * out), and nothing in a scan may wait for it for ever.
 */

/** How long to wait for a page to answer a question (its links, its config, its storage). */
export const EVALUATE_MS = 5000;

/** `promise`, or `fallback` after `ms` or when it rejects. */
export function bounded<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}
