// Serves the examples on 127.0.0.1: `npm start` runs it after a build, and the
// browser tests start it on a free port. No dependencies beyond Node.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** URL prefixes and the folders they serve. The CMS example copies the script folder to /assets/biscuit-consent/. */
const MOUNTS = [
  ['/assets/biscuit-consent/', 'dist/browser/'],
  ['/dist/', 'dist/'],
  ['/node_modules/', 'node_modules/'],
  ['/test/', 'test/'],
  ['/', 'examples/'],
];

/** The file a URL path names, or undefined when it is outside the mounted folders. */
export function fileFor(pathname) {
  for (const [prefix, folder] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    const base = join(ROOT, folder);
    let file = normalize(join(base, decodeURIComponent(pathname.slice(prefix.length))));
    if (!file.startsWith(base)) return undefined;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return file;
  }
  return undefined;
}

/**
 * A static server for the examples. `handlers` maps a path prefix to a Node
 * request handler (the server-side examples mount themselves this way);
 * `headers(url)` adds response headers, e.g. a Content-Security-Policy.
 */
export function createExampleServer({ handlers = {}, headers = () => ({}) } = {}) {
  return createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    try {
      for (const [prefix, handler] of Object.entries(handlers)) {
        if (url.pathname == prefix.replace(/\/$/, '') || url.pathname.startsWith(prefix)) return await handler(request, response, url);
      }
      // Browsers ask for one on every page; the examples have none.
      if (url.pathname == '/favicon.ico') return response.writeHead(204).end();
      const file = fileFor(url.pathname);
      if (!file || !existsSync(file)) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...headers(url),
      });
      createReadStream(file).pipe(response);
    } catch (error) {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Server error');
    }
  });
}

/** Starts a server on 127.0.0.1 and resolves with it and its origin. */
export function listen(server, port = 0) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

/** The server-side examples, mounted under their own paths (they need `npm run build` first). */
export async function exampleHandlers() {
  const handlers = {};
  for (const [prefix, module] of [
    ['/server/', './server/app.mjs'],
    ['/consent-log/', './consent-log/app.mjs'],
  ]) {
    try {
      handlers[prefix] = (await import(module)).handle;
    } catch (error) {
      console.warn(`${prefix} is not available: ${error.message}`);
    }
  }
  return handlers;
}

if (process.argv[1] && resolve(process.argv[1]) == fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || 8080);
  const { origin } = await listen(createExampleServer({ handlers: await exampleHandlers() }), port);
  console.log(`biscuit-consent examples: ${origin}/`);
}
