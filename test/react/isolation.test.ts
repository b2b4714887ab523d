// @vitest-environment node
// Each binding imports only its own framework, so neither entry pulls in the
// other framework, and the shared helpers import none.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');
const specifiers = (folder: string) =>
  readdirSync(join(SRC, folder)).flatMap((file) =>
    Array.from(
      readFileSync(join(SRC, folder, file), 'utf8').matchAll(/^(?:import|export)\s[^;()]*?from\s*['"]([^'"]+)['"]/gm),
      (match) => `${folder}/${file} → ${match[1]}`,
    ),
  );

describe('framework isolation', () => {
  it('react/ imports React and the shared code only', () => {
    const lines = specifiers('react');
    expect(lines).toContain('react/index.ts → react');
    for (const line of lines) expect(line).toMatch(/ → (react|\.\/.*|\.\.\/(core|bindings)\/.*)$/);
  });

  it('preact/ imports Preact and the shared code only', () => {
    const lines = specifiers('preact');
    expect(lines).toContain('preact/index.ts → preact/hooks');
    for (const line of lines) expect(line).toMatch(/ → (preact|preact\/hooks|\.\/.*|\.\.\/(core|bindings)\/.*)$/);
  });

  it('bindings/ imports neither framework', () => {
    const lines = specifiers('bindings');
    expect(lines).toContain('bindings/consent-binding.ts → ../core/record');
    for (const line of lines) expect(line).toMatch(/ → \.\.?\/(core\/)?[\w-]+$/);
  });
});
