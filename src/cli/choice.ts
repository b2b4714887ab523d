/**
 * Makes a visitor's choice the way a visitor would: by the banner's button,
 * found by its role and accessible name (the site's own texts first, then the
 * library's defaults, then the usual wording of other banners); else through
 * `window.Biscuit`. On a biscuit-consent page a click counts only once the
 * instance says a choice was recorded.
 */
import type { Locator, Page } from 'playwright-core';
import { bounded, EVALUATE_MS } from './bounded';
import type { SiteConfig } from './site-config';

/** Which choice to make. */
export type Choice = 'reject' | 'accept';

/** How the choice went. */
export interface ChoiceOutcome {
  readonly made: boolean;
  /** How it was made: the banner's button or the API. */
  readonly how?: 'banner' | 'api';
  /** What was done, or why nothing could be, in words. */
  readonly detail: string;
}

/**
 * Button names tried after the site's own. First the library's English and
 * Welsh defaults (a test keeps them equal to the UI's texts), then common
 * wording of other consent banners, matched whole and ignoring case.
 */
export const BUTTON_NAMES: Readonly<Record<Choice, readonly string[]>> = {
  reject: [
    'Reject additional cookies',
    'Gwrthod cwcis ychwanegol',
    'Turn off additional cookies',
    'Reject all',
    'Reject all cookies',
    'Reject cookies',
    'Reject',
    'Decline',
    'Decline all',
    'Deny',
    'Deny all',
    'Refuse all',
    'Necessary cookies only',
    'Only necessary cookies',
    'Use necessary cookies only',
    'Essential cookies only',
  ],
  accept: [
    'Accept additional cookies',
    'Derbyn cwcis ychwanegol',
    'Accept all',
    'Accept all cookies',
    'Accept cookies',
    'Accept',
    'Allow all',
    'Allow all cookies',
    'Allow cookies',
    'I accept',
    'Agree',
    'I agree',
  ],
};

/** The names to look for, the site's first, each once. */
export function buttonNames(choice: Choice, site: SiteConfig | undefined): string[] {
  const own = site ? (choice == 'reject' ? site.rejectTexts : site.acceptTexts) : [];
  const seen = new Set<string>();
  return [...own, ...BUTTON_NAMES[choice]].filter((name) => {
    const key = name.trim().toLowerCase();
    return key && !seen.has(key) && seen.add(key);
  });
}

/** A RegExp matching any of `names` as a whole accessible name, ignoring case and surrounding space. */
export function buttonNamePattern(names: readonly string[]): RegExp {
  return new RegExp(`^\\s*(?:${names.map((name) => name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*$`, 'i');
}

/** The first visible button (or link) named like `pattern`, in any frame of `page`. */
async function findButton(page: Page, pattern: RegExp): Promise<Locator | undefined> {
  for (const frame of page.frames()) {
    const candidate = frame
      .getByRole('button', { name: pattern })
      .or(frame.getByRole('link', { name: pattern }))
      .filter({ visible: true })
      .first();
    if ((await bounded(candidate.count(), EVALUATE_MS, 0)) > 0) return candidate;
  }
  return undefined;
}

const hasBiscuit = (page: Page) =>
  bounded(
    page.evaluate(() => {
      const biscuit = (window as { Biscuit?: unknown }).Biscuit as { acceptAll?: unknown } | undefined;
      return !!biscuit && !Array.isArray(biscuit) && typeof biscuit.acceptAll == 'function';
    }),
    EVALUATE_MS,
    false,
  );

/** Through `window.Biscuit.rejectAll()` or `acceptAll()`. */
async function choiceByApi(page: Page, choice: Choice): Promise<ChoiceOutcome | undefined> {
  const method = choice == 'reject' ? 'rejectAll' : 'acceptAll';
  const calling = page
    .evaluate(async (name) => {
      const biscuit = (window as { Biscuit?: unknown }).Biscuit as Record<string, unknown> | undefined;
      if (!biscuit || Array.isArray(biscuit) || typeof biscuit[name] != 'function') return 'missing';
      const saved = (await (biscuit[name] as () => Promise<{ ok: boolean; error?: { message?: string } }>)()) || { ok: true };
      return saved.ok ? 'saved' : `not saved: ${saved.error?.message ?? 'unknown error'}`;
    }, method)
    .catch((error: Error) => `failed: ${error.message.split('\n')[0]}`);
  // The choice applies as soon as the call starts; the save may be slow to confirm.
  const result = await bounded(calling, EVALUATE_MS, 'not confirmed in time');
  if (result == 'missing') return undefined;
  // The choice applies to the page even when its cookie could not be written.
  return { made: true, how: 'api', detail: `called window.Biscuit.${method}()${result == 'saved' ? '' : ` (${result})`}` };
}

/** Options of `makeChoice`. */
export interface MakeChoiceOptions {
  /** The button names to look for, in order of preference. */
  readonly names: readonly string[];
  /** How long to wait for a banner to show its button. */
  readonly waitMs: number;
  /** Called just before the click or the API call: what happens from then on follows the choice. */
  readonly onChoose?: () => void;
}

/** Makes `choice` on `page`. The outcome says what was done, or why nothing could be. */
export async function makeChoice(page: Page, choice: Choice, { names, waitMs, onChoose = () => {} }: MakeChoiceOptions): Promise<ChoiceOutcome> {
  const pattern = buttonNamePattern(names);
  const deadline = Date.now() + waitMs;
  let button = await findButton(page, pattern);
  while (!button && Date.now() < deadline) {
    await page.waitForTimeout(250);
    button = await findButton(page, pattern);
  }
  let note = '';
  if (button) {
    const label = (
      (await button.getAttribute('aria-label', { timeout: 2000 }).catch(() => null)) || (await button.innerText({ timeout: 2000 }).catch(() => ''))
    ).trim();
    onChoose();
    const clicked = await button.click({ timeout: 5000 }).then(
      () => true,
      () => false,
    );
    if (clicked) {
      if (!(await hasBiscuit(page))) return { made: true, how: 'banner', detail: `clicked "${label}"` };
      const recorded = await page
        .waitForFunction(() => (window as { Biscuit?: { decided?: boolean } }).Biscuit?.decided === true, undefined, { timeout: 5000 })
        .then(
          () => true,
          () => false,
        );
      if (recorded) return { made: true, how: 'banner', detail: `clicked "${label}"` };
      note = `clicking "${label}" recorded no choice, so `;
    } else {
      note = `"${label}" could not be clicked, so `;
    }
  }
  if (!button) onChoose();
  const byApi = await choiceByApi(page, choice);
  if (byApi) return { ...byApi, detail: note + byApi.detail };
  const wanted = names
    .slice(0, 3)
    .map((name) => `"${name}"`)
    .join(', ');
  return {
    made: false,
    detail: note ? `${note.replace(/, so $/, '')}, and there is no window.Biscuit` : `no visible button named ${wanted} or the like, and no window.Biscuit`,
  };
}
