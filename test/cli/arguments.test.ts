// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGES, DEFAULT_TIMEOUT_SECONDS, parseArguments, startUrl, USAGE } from '../../src/cli/arguments';
import { UsageError } from '../../src/cli/errors';

const mistake = (argv: string[]) => {
  try {
    parseArguments(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no UsageError for ${argv.join(' ')}`);
};

describe('parseArguments', () => {
  it('takes scan <url> with every default', () => {
    expect(parseArguments(['scan', 'https://example.gov.uk/bins'])).toEqual({
      command: 'scan',
      url: 'https://example.gov.uk/bins',
      pages: DEFAULT_PAGES,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      json: false,
      suggest: false,
      strict: false,
      browser: undefined,
      browserArgs: [],
      userAgent: undefined,
    });
    expect(DEFAULT_PAGES).toBe(10);
  });

  it('takes every option, before or after the address, with a space or an equals sign', () => {
    const parsed = parseArguments([
      '--pages=3',
      'scan',
      '--timeout',
      '12',
      'example.com',
      '--json',
      '--suggest',
      '--strict',
      '--browser',
      '/opt/chrome',
      '--browser-arg=--lang=cy',
      '--browser-arg=--host-resolver-rules=MAP * 127.0.0.1',
      '--user-agent',
      'Audit/1.0',
    ]);
    expect(parsed).toEqual({
      command: 'scan',
      url: 'https://example.com/',
      pages: 3,
      timeoutSeconds: 12,
      json: true,
      suggest: true,
      strict: true,
      browser: '/opt/chrome',
      browserArgs: ['--lang=cy', '--host-resolver-rules=MAP * 127.0.0.1'],
      userAgent: 'Audit/1.0',
    });
  });

  it('answers --help and --version whatever else is there', () => {
    expect(parseArguments(['--help'])).toEqual({ command: 'help' });
    expect(parseArguments(['scan', '-h'])).toEqual({ command: 'help' });
    expect(parseArguments(['-v'])).toEqual({ command: 'version' });
    expect(parseArguments(['--version', 'scan', 'x'])).toEqual({ command: 'version' });
    expect(USAGE).toMatch(/^Usage: biscuit-consent scan <url> \[options\]/);
    for (const option of ['--pages', '--timeout', '--json', '--suggest', '--strict', '--browser ', '--browser-arg=', '--user-agent'])
      expect(USAGE).toContain(option);
  });

  it('explains each mistake in one line', () => {
    expect(mistake([])).toBe('say what to do: biscuit-consent scan <url>');
    expect(mistake(['audit', 'x'])).toBe('unknown command "audit"; the command is: biscuit-consent scan <url>');
    expect(mistake(['scan'])).toBe('scan needs the address of a page: biscuit-consent scan <url>');
    expect(mistake(['scan', 'a.com', 'b.com'])).toBe('scan takes one address, not also "b.com"');
    expect(mistake(['scan', 'a.com', '--pages', '0'])).toBe('--pages takes a whole number from 1 to 1000, not "0"');
    expect(mistake(['scan', 'a.com', '--pages', '2.5'])).toBe('--pages takes a whole number from 1 to 1000, not "2.5"');
    expect(mistake(['scan', 'a.com', '--timeout', 'soon'])).toBe('--timeout takes a whole number from 1 to 600, not "soon"');
    expect(mistake(['scan', 'a.com', '--user-agent', ' '])).toBe('--user-agent needs a text');
    expect(mistake(['scan', 'a.com', '--deep'])).toMatch(/^Unknown option '--deep'/);
    expect(mistake(['scan', 'a.com', '--pages'])).toMatch(/^Option '--pages <value>' argument missing/);
    // A flag is a value that starts with a dash: Node asks for the = form, on one line.
    expect(mistake(['scan', 'a.com', '--browser-arg', '--lang=cy'])).toBe(
      "Option '--browser-arg' argument is ambiguous. Did you forget to specify the option argument for '--browser-arg'? To specify an option argument starting with a dash use '--browser-arg=-XYZ'.",
    );
  });
});

describe('startUrl', () => {
  it('keeps an http(s) address, without its fragment', () => {
    expect(startUrl('http://127.0.0.1:8080/legacy-cms/#content')).toBe('http://127.0.0.1:8080/legacy-cms/');
    expect(startUrl(' https://Example.COM/a?b=1 ')).toBe('https://example.com/a?b=1');
  });

  it('reads an address without a scheme as https', () => {
    expect(startUrl('www.anytown.gov.uk/bins')).toBe('https://www.anytown.gov.uk/bins');
  });

  it('refuses what is not a web page address', () => {
    expect(() => startUrl('ftp://example.com/')).toThrow(new UsageError('"ftp://example.com/" is not an http or https address'));
    expect(() => startUrl('not an address')).toThrow(new UsageError('"not an address" is not a web address'));
    expect(() => startUrl('javascript:alert(1)')).toThrow(UsageError);
    expect(() => startUrl('mailto:someone@example.com')).toThrow(new UsageError('"mailto:someone@example.com" is not an http or https address'));
    expect(startUrl('localhost:8080/x')).toBe('https://localhost:8080/x');
  });
});
