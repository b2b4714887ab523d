// @vitest-environment node
// Keeps the architecture (README, Development) true: imports point one way, into a
// platform-free core, and each third-party package stays in its one folder.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** Every module a file imports or re-exports: package names, or `./` and a path relative to src/. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  // Statements at the start of a line, and dynamic imports: not the word "from" inside a string.
  const pattern = /^\s*(?:import|export)\s[^'"();`]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return Array.from(source.matchAll(pattern), (match) => {
    const specifier = (match[1] ?? match[2] ?? match[3])!;
    return specifier.startsWith('.') ? `./${relative(SRC, resolve(dirname(file), specifier))}` : specifier;
  });
}

/** The top folder of a path relative to src/ (with or without `./`), or the file's name for top-level files. */
const folderOf = (path: string) => {
  const local = path.replace(/^\.\//, '');
  return local.includes('/') ? local.split('/')[0]! : local.replace(/\.tsx?$/, '');
};
const isLocal = (target: string) => target.startsWith('./');
const all = files(SRC).map((file) => ({ path: relative(SRC, file), source: readFileSync(file, 'utf8'), imports: importsOf(file) }));

describe('architecture', () => {
  it('finds the source files', () => {
    expect(all.map((file) => file.path)).toContain('core/store.ts');
  });

  it('core imports nothing outside core', () => {
    for (const file of all.filter((file) => file.path.startsWith('core/'))) {
      for (const target of file.imports) expect(`${file.path} → ${target}`).toMatch(/ → \.\/core\//);
    }
  });

  it('core never touches the DOM', () => {
    for (const file of all.filter((file) => file.path.startsWith('core/'))) {
      // Comments and strings are not code; a property named like a global (the
      // storage kind `localStorage: 'Local storage'`) is not that global.
      const code = file.source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$|'[^'\n]*'|"[^"\n]*"/gm, "''");
      expect(code, file.path).not.toMatch(/(?<!\.)\b(document|window|navigator|location|localStorage|sessionStorage)\b(?!\??:)/);
    }
  });

  it('dom, blocker, storage, server, ui, placeholders, integrations, the bindings and the command depend only on core, the pieces that look for elements also on dom (and their own files)', () => {
    const allowed: Record<string, string[]> = {
      // The command reads its version from package.json (`..`).
      cli: ['core', '..'],
      dom: ['core'],
      blocker: ['core', 'dom'],
      // The placeholders speak the UI's language: its texts.
      placeholders: ['core', 'dom', 'ui'],
      storage: ['core'],
      server: ['core'],
      ui: ['core', 'dom'],
      integrations: ['core'],
      bindings: ['core'],
      react: ['core', 'bindings'],
      preact: ['core', 'bindings'],
    };
    for (const file of all.filter((file) => folderOf(file.path) in allowed)) {
      for (const target of file.imports.filter(isLocal)) {
        expect([folderOf(file.path), ...allowed[folderOf(file.path)]!], `${file.path} imports ${target}`).toContain(folderOf(target));
      }
    }
  });

  it('js-cookie is imported only by storage/cookie.ts', () => {
    const users = all.filter((file) => file.imports.includes('js-cookie')).map((file) => file.path);
    expect(users).toEqual(['storage/cookie.ts']);
  });

  it('only ui (and the preact bindings) import Preact', () => {
    for (const file of all.filter((file) => file.imports.some((target) => /^preact(\/|$)/.test(target)))) {
      expect(['ui', 'preact'], file.path).toContain(folderOf(file.path));
    }
  });

  it('only the command (cli/) uses playwright-core or Node built-ins: the browser bundles never do', () => {
    const users = all.filter((file) => file.imports.some((target) => /^(playwright-core$|node:)/.test(target))).map((file) => file.path);
    expect(users.length).toBeGreaterThan(0);
    for (const path of users) expect(path).toMatch(/^cli\//);
  });

  it('server uses no DOM and no Node built-ins, so it runs in edge runtimes', () => {
    for (const file of all.filter((file) => file.path.startsWith('server/'))) {
      for (const target of file.imports) expect(target, file.path).not.toMatch(/^(node:|fs$|path$|crypto$|http$)/);
    }
  });
});
