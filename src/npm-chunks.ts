import type { Chunks } from './create-consent';

/** The lazily loaded parts in the npm build: bundlers split each dynamic import into its own chunk. */
export const NPM_CHUNKS: Chunks = {
  writer: () => import('./writer'),
  log: () => import('./integrations/consent-log'),
};
