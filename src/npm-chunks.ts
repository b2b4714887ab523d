import type { Chunks } from './create-consent';

/** The lazily loaded parts in the npm build: bundlers split each dynamic import into its own chunk. Each entry adds its `embeds`. */
export const NPM_CHUNKS: Omit<Chunks, 'embeds'> = {
  writer: () => import('./writer'),
  log: () => import('./integrations/consent-log'),
};
