/**
 * The command line of `biscuit-consent`: `scan <url>` with its options, or
 * `--help` and `--version`. A mistake is a `UsageError`, which the command
 * prints in one line and exits 2 on.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

/** What `scan` was asked to do. */
export interface ScanArguments {
  readonly command: 'scan';
  /** The start page, normalised: an absolute http(s) URL without a fragment. */
  readonly url: string;
  /** The most pages each phase visits. */
  readonly pages: number;
  /** Per page, for loading and settling. */
  readonly timeoutSeconds: number;
  readonly json: boolean;
  readonly suggest: boolean;
  readonly strict: boolean;
  readonly browser: string | undefined;
  readonly browserArgs: readonly string[];
  readonly userAgent: string | undefined;
}

/** A parsed command line. */
export type CommandLine = ScanArguments | { readonly command: 'help' } | { readonly command: 'version' };

/** Defaults of the scan options. */
export const DEFAULT_PAGES = 10;
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** The text of `--help`. */
export const USAGE = `Usage: biscuit-consent scan <url> [options]

Visits a site in Chromium three times, each in a fresh profile: as a new
visitor who does nothing, as one who rejects optional cookies, and as one who
accepts them. Lists every cookie and localStorage/sessionStorage key each
visitor gets, and fails when something optional is set before a choice or
after a rejection.

Options:
  --pages <n>           the most pages to visit per visitor (default ${DEFAULT_PAGES})
  --timeout <seconds>   per page, to load and settle (default ${DEFAULT_TIMEOUT_SECONDS})
  --json                print the report as JSON
  --suggest             print config entries for everything the config does not declare
  --strict              also fail on anything undeclared, or when a choice cannot be made
  --browser <path>      the Chromium or Chrome to run (default: $CHROMIUM_PATH, then
                        the usual install paths)
  --browser-arg=<flag>  an extra Chromium flag; repeat for more
  --user-agent <text>   the browser's User-Agent
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 nothing wrong found, 1 violations, 2 the scan could not run.
`;

/** An absolute http(s) URL without its fragment; `example.com` means `https://example.com/`. */
export function startUrl(input: string): string {
  const text = input.trim();
  // A scheme without "//" (mailto:, javascript:) is not a page; `localhost:8080` is a host and port.
  if (!text.includes('://') && /^[a-z][a-z\d+.-]*:(?!\d)/i.test(text)) throw new UsageError(`"${input}" is not an http or https address`);
  let url: URL;
  try {
    url = new URL(text.includes('://') ? text : `https://${text}`);
  } catch {
    throw new UsageError(`"${input}" is not a web address`);
  }
  if (url.protocol != 'http:' && url.protocol != 'https:') throw new UsageError(`"${input}" is not an http or https address`);
  if (!url.hostname) throw new UsageError(`"${input}" has no host name`);
  url.hash = '';
  return url.href;
}

function wholeNumber(value: string, option: string, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < 1 || number > max) throw new UsageError(`${option} takes a whole number from 1 to ${max}, not "${value}"`);
  return number;
}

/** Parses the arguments after `biscuit-consent`. */
export function parseArguments(argv: readonly string[]): CommandLine {
  // biome-ignore lint/suspicious/noImplicitAnyLet: the type parseArgs infers from the options below
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        pages: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        suggest: { type: 'boolean' },
        strict: { type: 'boolean' },
        browser: { type: 'string' },
        'browser-arg': { type: 'string', multiple: true },
        'user-agent': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // Node's own words on one line, without its advice to use "--", which does not apply here.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\s*\n\s*/g, ' '));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, url, ...extra] = positionals;
  if (command === undefined) throw new UsageError('say what to do: biscuit-consent scan <url>');
  if (command != 'scan') throw new UsageError(`unknown command "${command}"; the command is: biscuit-consent scan <url>`);
  if (url === undefined) throw new UsageError('scan needs the address of a page: biscuit-consent scan <url>');
  if (extra.length) throw new UsageError(`scan takes one address, not also "${extra.join(' ')}"`);
  if (values['user-agent'] !== undefined && !values['user-agent'].trim()) throw new UsageError('--user-agent needs a text');
  return {
    command: 'scan',
    url: startUrl(url),
    pages: values.pages === undefined ? DEFAULT_PAGES : wholeNumber(values.pages, '--pages', 1000),
    timeoutSeconds: values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : wholeNumber(values.timeout, '--timeout', 600),
    json: values.json ?? false,
    suggest: values.suggest ?? false,
    strict: values.strict ?? false,
    browser: values.browser,
    browserArgs: values['browser-arg'] ?? [],
    userAgent: values['user-agent'],
  };
}
