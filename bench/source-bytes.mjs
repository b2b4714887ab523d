// Which source file each byte of a built file comes from (by its source map),
// and brotli sizes measured the way size-limit measures them. Read by
// bytes.mjs (the byte account) and explain.mjs (`bytes`).
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { brotliCompressSync, constants } from 'node:zlib';

/** `src/…` or `node_modules/…` for a path in a source map. */
export const sourceName = (source) => (source || '(no source)').replace(/^.*?\/(src|node_modules)\//, '$1/');

/** Bytes that come from no source file: what the build itself writes. */
export const BUILD = {
  hint: '(build) V8 compile hint `//# allFunctionsCalledOnLoad`',
  comment: '(build) `//# sourceMappingURL=` comment',
  wrapper: '(build) wrapper, imports and exports',
};

/** Brotli quality 11, as `@size-limit/file` compresses (no size hint), of a string's UTF-8 bytes. */
export const brotliSize = (text) => brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** UTF-8 bytes of a string. */
export const byteLength = (text) => Buffer.byteLength(text);

/**
 * Every character of `code` (the whole file, as shipped) with the source file
 * it comes from and its line there (0-based; -1 for build bytes): `{ code,
 * owners, lines }`. Characters a source map does not place (the compile hint,
 * the source-map comment, a wrapper the bundler wrote) are `BUILD` bytes.
 */
export function attribute(code, map) {
  const owners = new Array(code.length);
  const lines = new Int32Array(code.length).fill(-1);
  const hint = /^\/\/# allFunctionsCalledOnLoad\n?/.exec(code);
  const comment = /\/\/# sourceMappingURL=\S*\s*$/.exec(code);
  let row = 0;
  let column = 0;
  for (let i = 0; i < code.length; i++) {
    if (hint && i < hint[0].length) owners[i] = BUILD.hint;
    else if (comment && i >= comment.index) owners[i] = BUILD.comment;
    else {
      const entry = map.findEntry(row, column);
      if (entry.originalSource && /\/(src|node_modules)\//.test(entry.originalSource)) {
        owners[i] = sourceName(entry.originalSource);
        lines[i] = entry.originalLine;
      } else owners[i] = BUILD.wrapper;
    }
    if (code[i] == '\n') {
      row++;
      column = 0;
    } else column++;
  }
  return { code, owners, lines };
}

/** `attribute()` of a built file and the source map beside it (`<file>.map`). */
export const attributeFile = (file) => attribute(readFileSync(file, 'utf8'), new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));

/** Source → the characters of the file that come from it, in order, largest first. */
export function textBySource({ code, owners }) {
  const text = {};
  for (let i = 0; i < code.length; i++) text[owners[i]] = (text[owners[i]] || '') + code[i];
  return Object.entries(text).sort((a, b) => byteLength(b[1]) - byteLength(a[1]));
}

/** The file's code without the characters for which `drop(i)` is true. */
export function without({ code }, drop) {
  let kept = '';
  for (let i = 0; i < code.length; i++) if (!drop(i)) kept += code[i];
  return kept;
}
