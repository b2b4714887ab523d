import { CONSENT_MODE_SIGNALS, DEFAULT_CONSENT_MODE_MAPPING, type ResolvedConfig } from '../core/config';
import { own } from '../core/own';
import type { ConsentPlugin } from '../core/plugin';

/**
 * Google Consent Mode v2 through `dataLayer`, as gtag.js does it: a `default`
 * with every signal denied but security, pushed the moment this runs (so it
 * precedes any tag placed after the script), then an `update` on load for a
 * returning visitor and the moment each choice applies (before the cookie is
 * written). No Google code is bundled.
 */
export function googleConsentMode({ region, waitForUpdate, mapping }: NonNullable<ResolvedConfig['googleConsentMode']>): ConsentPlugin {
  return (consent, onApply) => {
    const global = window as unknown as { dataLayer?: unknown[] };
    const dataLayer = (global.dataLayer = global.dataLayer || []);
    // gtag.js pushes its `arguments` object, and tags read consent commands only in that shape.
    function gtag(..._command: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      // biome-ignore lint/complexity/noArguments: gtag.js reads the Arguments object itself and ignores a plain array
      dataLayer.push(arguments);
    }
    const signals = (granted: (name: string, essential: boolean) => boolean) => {
      const state: Record<string, 'granted' | 'denied'> = {};
      for (const signal of CONSENT_MODE_SIGNALS) state[signal] = 'denied';
      for (const { name, essential } of consent.config.categories) {
        if (granted(name, essential)) {
          for (const signal of own(mapping, name) || own(DEFAULT_CONSENT_MODE_MAPPING, name) || []) state[signal] = 'granted';
        }
      }
      return state;
    };
    const update = () => gtag('consent', 'update', signals(consent.allowed));
    gtag('consent', 'default', { ...signals((_, essential) => essential), wait_for_update: waitForUpdate, ...(region && { region }) });
    if (consent.decided) update();
    return onApply(update);
  };
}
