// A reference receiver for `consentLog`: stores each record the browser POSTs
// in SQLite (better-sqlite3) and lists them. Mounted at /consent-log/ by
// `npm start`; or on its own: `node examples/consent-log/app.mjs`.
//
//   POST /consent-log/records   {"id","updatedAt","revision","categories","exempt","source"} → 201
//   GET  /consent-log/          the stored records, newest first
//   GET  /consent-log/demo      a page whose banner logs to this receiver (required: true)
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';

const RECORD_LIMIT = 4096;
const SOURCES = ['banner', 'panel', 'api', 'gpc', 'placeholder'];

/** Opens (or creates) the log. `file` defaults to CONSENT_LOG_DB, else consent-log.sqlite beside this file. */
export function openLog(file = process.env.CONSENT_LOG_DB || fileURLToPath(new URL('consent-log.sqlite', import.meta.url))) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    consent_id TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL,
    categories TEXT NOT NULL,
    exempt TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (consent_id, updated_at)
  )`);
  // A log created before records said which categories ran under an exemption.
  if (
    !db
      .prepare('PRAGMA table_info(records)')
      .all()
      .some((column) => column.name == 'exempt')
  ) {
    db.exec("ALTER TABLE records ADD COLUMN exempt TEXT NOT NULL DEFAULT '[]'");
  }
  const insert = db.prepare(
    `INSERT OR IGNORE INTO records (consent_id, updated_at, revision, categories, exempt, source, received_at)
     VALUES (@id, @updatedAt, @revision, @categories, @exempt, @source, @receivedAt)`,
  );
  const list = db.prepare('SELECT * FROM records ORDER BY seq DESC LIMIT 200');
  return {
    /** Stores a checked record; the same record sent twice (a retry) is kept once. */
    add: (record) =>
      insert.run({
        ...record,
        categories: JSON.stringify(record.categories),
        exempt: JSON.stringify(record.exempt),
        receivedAt: new Date().toISOString(),
      }),
    list: () => list.all().map((row) => ({ ...row, categories: JSON.parse(row.categories), exempt: JSON.parse(row.exempt) })),
    close: () => db.close(),
  };
}

/** The record if `body` is exactly the documented shape, else undefined. Nothing personal is accepted. */
export function parseRecord(body) {
  let record;
  try {
    record = JSON.parse(body);
  } catch {
    return undefined;
  }
  // `exempt` is missing from records sent by versions before UK exemptions.
  const { id, updatedAt, revision, categories, exempt = [], source, ...extra } = record ?? {};
  const valid =
    Object.keys(extra).length == 0 &&
    /^[\da-f]{32}$/.test(id) &&
    typeof updatedAt == 'string' &&
    !Number.isNaN(Date.parse(updatedAt)) &&
    Number.isInteger(revision) &&
    revision >= 0 &&
    SOURCES.includes(source) &&
    categories &&
    typeof categories == 'object' &&
    !Array.isArray(categories) &&
    Object.entries(categories).every(([name, granted]) => /^[a-z][a-z\d_]{0,31}$/.test(name) && typeof granted == 'boolean') &&
    // Categories on under an exemption: each one a category that is on.
    Array.isArray(exempt) &&
    exempt.every((name) => typeof name == 'string' && Object.hasOwn(categories, name) && categories[name] === true);
  return valid ? { id, updatedAt, revision, categories, exempt, source } : undefined;
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function listPage(records) {
  const rows = records
    .map(
      (record) => `<tr><td><code>${escapeHtml(record.consent_id)}</code></td><td>${escapeHtml(record.updated_at)}</td><td>${record.revision}</td>
<td>${Object.entries(record.categories)
        .map(([name, on]) => `${escapeHtml(name)}: ${record.exempt.includes(name) ? 'on, not objected to' : on ? 'yes' : 'no'}`)
        .join('<br>')}</td>
<td>${escapeHtml(record.source)}</td><td>${escapeHtml(record.received_at)}</td></tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consent log</title><link rel="stylesheet" href="/shared/site.css"></head>
<body><div class="site-header"><a href="/consent-log/">Consent log</a></div>
<div class="page"><main id="content">
<h1>Consent log</h1>
<p>Every choice made on the <a href="/consent-log/demo">demo page</a> is POSTed here and kept in SQLite. The records hold a random consent ID and the choice, nothing personal.</p>
<table><caption>${records.length ? `${records.length} most recent records` : 'No records yet'}</caption>
<thead><tr><th scope="col">Consent ID</th><th scope="col">Chosen at</th><th scope="col">Revision</th><th scope="col">Choices</th><th scope="col">Source</th><th scope="col">Received at</th></tr></thead>
<tbody>${rows}</tbody></table>
</main></div>
<div class="site-footer"><ul><li><a href="/">All examples</a></li></ul></div></body></html>`;
}

const DEMO = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consent log demo</title><link rel="stylesheet" href="/shared/site.css">
<script type="application/json" id="biscuit-config">{ "consentLog": { "url": "/consent-log/records", "required": true }, "categories": { "analytics": {}, "marketing": {} } }</script>
<script src="/assets/biscuit-consent/biscuit.global.js"></script></head>
<body><div class="site-header"><a href="/consent-log/">Consent log</a></div>
<div class="page"><main id="content"><h1>Consent log demo</h1>
<p>Make a choice in the banner, or <a href="#" data-consent-open>change your cookie settings</a>, then <a href="/consent-log/">see the log</a>.</p>
<p>With <code>required: true</code>, the banner tells you if the log could not keep your choice.</p>
</main></div></body></html>`;

/** A request handler for /consent-log/…, storing in `log` (opened on first use by default). */
export function createHandler(log) {
  let opened = log;
  const db = () => (opened ||= openLog());
  return async function handle(request, response, url = new URL(request.url, 'http://127.0.0.1')) {
    const send = (status, body, type = 'text/html; charset=utf-8') =>
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    if (url.pathname == '/consent-log/records' && request.method == 'POST') {
      let body = '';
      for await (const chunk of request) {
        body += chunk;
        if (body.length > RECORD_LIMIT) return send(413, 'Record too large', 'text/plain');
      }
      const record = parseRecord(body);
      if (!record) return send(400, 'Not a consent record', 'text/plain');
      db().add(record);
      return send(201, JSON.stringify({ stored: true }), 'application/json');
    }
    if (url.pathname == '/consent-log/records') return send(200, JSON.stringify(db().list()), 'application/json');
    if (url.pathname == '/consent-log/demo') return send(200, DEMO);
    if (url.pathname == '/consent-log/' || url.pathname == '/consent-log') return send(200, listPage(db().list()));
    return send(404, 'Not found', 'text/plain');
  };
}

export const handle = createHandler();

if (import.meta.url == `file://${process.argv[1]}`) {
  const { createExampleServer, listen } = await import('../serve.mjs');
  const { origin } = await listen(createExampleServer({ handlers: { '/consent-log/': handle } }), Number(process.env.PORT || 8082));
  console.log(`consent log example: ${origin}/consent-log/`);
}
