/**
 * The two ways `biscuit-consent` stops without a verdict, both exit code 2:
 * a mistake on the command line, and a scan that could not run (no browser,
 * no playwright-core, a site that cannot be reached).
 */

/** A mistake on the command line; printed with a pointer to `--help`. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The scan could not run; the message says why in one line, and what to do when there is something to do. */
export class CannotScanError extends Error {
  override name = 'CannotScanError';
}
