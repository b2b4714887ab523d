// The benchmark's static server on 127.0.0.1: the test pages, our script-tag
// build from dist/browser/, and each competitor's published files straight
// from its installed package. Plain Node http; gzip when the browser asks for
// it (Chromium asks for brotli only over https), as any production server
// would; never cached. The byte counts come from the files, not from here.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FLOORS, LIBRARIES } from './libraries.mjs';
import { renderPage } from './pages.mjs';
import { BENCH, ROOT } from './paths.mjs';

export { BENCH, ROOT };

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
};

/** URL prefix → folder it serves. Library prefixes are `/lib/<id>/`. */
export const MOUNTS = {
  '/pages/': join(BENCH, 'pages'),
  '/lib/biscuit/': join(ROOT, 'dist', 'browser'),
  '/lib/vanilla-cookieconsent/': join(BENCH, 'node_modules', 'vanilla-cookieconsent', 'dist'),
  '/lib/klaro/': join(BENCH, 'node_modules', 'klaro', 'dist'),
  '/lib/tarteaucitron/': join(BENCH, 'node_modules', 'tarteaucitronjs'),
};

/**
 * Serves our script-tag build from `folder` instead of dist/browser/. The
 * runner serves a copy taken when it starts, so a rebuild during a run (which
 * empties dist/) cannot mix two builds in one set of figures.
 */
export function serveBiscuitFrom(folder) {
  MOUNTS['/lib/biscuit/'] = folder;
}

/** The file a URL path names (query ignored), or undefined when outside the mounts. */
export function fileFor(pathname) {
  for (const [prefix, folder] of Object.entries(MOUNTS)) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(folder, decodeURIComponent(pathname.slice(prefix.length))));
    return file.startsWith(folder) ? file : undefined;
  }
  return undefined;
}

const gzipped = new Map();
/** The file's gzip -9 bytes, made once per file version. */
function gzipOf(file) {
  const key = `${file}@${statSync(file).mtimeMs}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(readFileSync(file), { level: 9 }));
  return gzipped.get(key);
}

/** `/pages/<id>.html?size=…`: the generated page of a library or floor (see pages.mjs). */
function generatedPage(pathname, searchParams) {
  const match = /^\/pages\/([\w-]+)\.html$/.exec(pathname);
  const lib = match && [...LIBRARIES, ...FLOORS].find((each) => each.id == match[1]);
  return lib ? renderPage(lib, searchParams.get('size') || 'small') : undefined;
}

export function createBenchServer() {
  return createServer((request, response) => {
    const { pathname, searchParams } = new URL(request.url, 'http://127.0.0.1');
    if (pathname == '/favicon.ico') return response.writeHead(204).end();
    const html = generatedPage(pathname, searchParams);
    if (html !== undefined) {
      const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] || '');
      const body = gzip ? gzipSync(html) : Buffer.from(html);
      return response
        .writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) })
        .end(body);
    }
    const file = fileFor(pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      return response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
    const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] || '');
    const body = gzip ? gzipOf(file) : readFileSync(file);
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    response.end(body);
  });
}

/** Starts the server on a free port of 127.0.0.1; resolves with it and its origin. */
export function listen(server = createBenchServer()) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}
