// Numbers in, numbers out: medians and ranges, compressed sizes of the files
// a page fetched, and the formatting of the results table.
import { readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Median (mean of the middle two for an even count); NaN for no values. */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `{ median, min, max, n }` of the finite values. */
export function summarise(values) {
  const finite = values.filter(Number.isFinite);
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    n: finite.length,
  };
}

const compressed = new Map();

/**
 * Raw, gzip (level 9) and brotli (quality 11) sizes of one file, as a CDN or
 * a build step would pre-compress a static asset. Cached per file and mtime.
 */
export function fileSizes(file) {
  const key = `${file}@${statSync(file).mtimeMs}`;
  if (!compressed.has(key)) {
    const bytes = readFileSync(file);
    compressed.set(key, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }).length,
    });
  }
  return compressed.get(key);
}

/** Sum of the sizes of the files a page fetched; each file compressed on its own, as it is served. */
export function bytesOf(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const { file } of files) {
    const sizes = fileSizes(file);
    total.raw += sizes.raw;
    total.gzip += sizes.gzip;
    total.brotli += sizes.brotli;
  }
  return total;
}

/** Formats a value in a metric's unit. */
export function format(value, unit) {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit == 'bytes') return `${(value / 1000).toFixed(value < 10_000 ? 2 : 1)} kB`;
  if (unit == 'ms') return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
  if (unit == 'cls') return value.toFixed(3);
  return String(value);
}

/** "median (min–max)", the range left out when every run gave the same value. */
export function formatSummary({ median: middle, min, max, n }, unit) {
  if (!n) return 'n/a';
  const shown = format(middle, unit);
  return format(min, unit) == format(max, unit) ? shown : `${shown} (${format(min, unit)}–${format(max, unit)})`;
}

export function formatRatio(ratio) {
  if (!Number.isFinite(ratio)) return '—';
  return `×${ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2)}`;
}

/** A Markdown table from a header row and body rows. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
