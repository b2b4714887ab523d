/**
 * `biscuit-consent`: parses the command line, runs the scan, prints the
 * report (stdout) and the progress (stderr), and returns the exit code:
 * 0 nothing wrong found, 1 violations, 2 the scan could not run.
 */
import { version } from '../../package.json';
import { parseArguments, USAGE, type ScanArguments } from './arguments';
import { createProfileLauncher, findChromium } from './chromium';
import { CannotScanError, UsageError } from './errors';
import { jsonReport } from './json-report';
import { formatReport } from './report';
import { scanSite } from './scan';
import { suggest, type Suggestions } from './suggest';
import { judge } from './verdict';

/** Where the command writes, and the environment it reads. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** `--suggest` on stdout: the entries, ready to merge into the config; notes on stderr. */
function printSuggestions(suggestions: Suggestions, io: CliIo) {
  io.stdout(`${JSON.stringify({ categories: suggestions.categories }, null, 2)}\n`);
  if (!Object.keys(suggestions.categories).length && !suggestions.unknown.length) io.stderr('Everything found is declared in the site config.\n');
  if (suggestions.unknown.length) {
    io.stderr(`Not in the table of well-known cookies, so not suggested: add each to the category that fits.\n`);
    for (const item of suggestions.unknown) {
      io.stderr(
        `  ${item.kind} "${item.name}" on ${item.domain} (${item.thirdParty ? 'third' : 'first'} party, ${item.expires}, first seen on ${item.page})\n`,
      );
    }
  }
}

async function scan(args: ScanArguments, io: CliIo): Promise<number> {
  const executablePath = findChromium(args.browser, io.env);
  const launch = await createProfileLauncher({ executablePath, args: args.browserArgs, userAgent: args.userAgent });
  io.stderr(`Scanning ${args.url} with ${executablePath}, up to ${args.pages} ${args.pages == 1 ? 'page' : 'pages'} per visitor\n`);
  const result = await scanSite({
    url: args.url,
    pages: args.pages,
    timeoutMs: args.timeoutSeconds * 1000,
    launch,
    progress: (message) => io.stderr(`${message}\n`),
  });
  const verdict = judge(result, { strict: args.strict });
  const suggestions = suggest(verdict.phases);
  if (args.json) io.stdout(`${JSON.stringify(jsonReport(result, verdict, suggestions, { toolVersion: version, strict: args.strict }), null, 2)}\n`);
  else if (args.suggest) printSuggestions(suggestions, io);
  else io.stdout(formatReport(result, verdict));
  const count = verdict.violations.length;
  io.stderr(count ? `${count} ${count == 1 ? 'violation' : 'violations'}: exit code 1\n` : 'No violations: exit code 0\n');
  return verdict.exitCode;
}

/** Runs the command with `argv` (the arguments after the program's name); resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseArguments(argv);
    if (command.command == 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command.command == 'version') {
      io.stdout(`${version}\n`);
      return 0;
    }
    return await scan(command, io);
  } catch (error) {
    if (error instanceof UsageError) io.stderr(`biscuit-consent: ${error.message}\nRun \`biscuit-consent --help\` for the options.\n`);
    else if (error instanceof CannotScanError) io.stderr(`biscuit-consent: ${error.message}\n`);
    else io.stderr(`biscuit-consent: the scan failed: ${(error as Error)?.stack ?? error}\n`);
    return 2;
  }
}
