import { vi } from 'vitest';

/** Records the raw strings written to document.cookie, still passing them to jsdom. */
export function spyOnCookieWrites(): string[] {
  const written: string[] = [];
  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  vi.spyOn(document, 'cookie', 'set').mockImplementation((value: string) => {
    written.push(value);
    descriptor.set!.call(document, value);
  });
  return written;
}

/** Deletes every cookie jsdom holds for the test page, on the paths tests use. */
export function clearCookies(): void {
  for (const name of document.cookie.split('; ').map((pair) => pair.split('=')[0])) {
    for (const path of ['/', '/a', '/a/b']) document.cookie = `${name}=; path=${path}; max-age=0`;
  }
}
