// The Welsh texts are a chunk of their own: English pages never load them.
import { screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { startConsent } from './start-consent';

const loaded = vi.hoisted(() => ({ welsh: 0 }));
vi.mock('../../src/ui/texts/cy', async (importOriginal) => {
  loaded.welsh++;
  return importOriginal();
});

describe('the Welsh chunk', () => {
  it('is not loaded for an English page', async () => {
    document.documentElement.lang = 'en';
    startConsent();
    await screen.findByRole('region', { name: 'Cookies on this website' });
    expect(loaded.welsh).toBe(0);
  });

  it('is loaded for a Welsh page', async () => {
    startConsent({ lang: 'cy' });
    await screen.findByRole('region', { name: 'Cwcis ar y wefan hon' });
    expect(loaded.welsh).toBe(1);
  });
});
