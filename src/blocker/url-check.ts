/**
 * Whether a URL the blocker is about to load would run code, or a document
 * nobody wrote, in the page: `javascript:` and `vbscript:` anywhere, and
 * `data:` in a frame or a script (`frame`). Browsers ignore case, and spaces
 * and control characters, while reading a scheme, so this does too. A
 * `srcset` is a list: every candidate counts (descriptors like `2x` never match).
 */
export const unsafeUrl = (value: string, srcset: boolean, frame: boolean): boolean =>
  (srcset ? value.split(/[\s,]+/) : [value]).some((url) => (frame ? /^(data|(java|vb)script):/i : /^(java|vb)script:/i).test(url.replace(/[\0- ]/g, '')));
