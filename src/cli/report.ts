/**
 * The report a person reads: the verdict and the violations first, each with
 * its page and what set it, then a table per phase of everything stored.
 * Plain text, aligned in columns, no colour: it reads the same in a terminal
 * and in a CI log.
 */
import type { Finding, PhaseName } from './findings';
import type { ScanResult } from './scan';
import { formatLifetime } from './suggest';
import type { JudgedPhase, Verdict } from './verdict';

const TITLES: Record<PhaseName, string> = {
  'new-visitor': 'A new visitor who does nothing',
  rejected: 'A visitor who rejects',
  accepted: 'A visitor who accepts all',
};

const RULE_TITLES = {
  'before-choice': 'Before any choice',
  'after-reject': 'After rejecting',
  undeclared: 'Not declared',
  'no-choice': 'No choice made',
} as const;

/** A URL on the site as its path; anything else in full. */
function shortUrl(url: string, origin: string): string {
  return url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
}

/** Cuts `text` to `max` characters, marking the cut. */
const fit = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Columns padded to their widest cell; the last column is not padded. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column == row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** `analytics, site config`, `marketing, Meta`, `essential, consent cookie`, `unknown`. */
function categoryOf(finding: Finding): string {
  if (finding.basis == 'unknown') return 'unknown';
  const basis = finding.basis == 'config' ? 'site config' : finding.basis == 'consent-cookie' ? 'consent cookie' : finding.provider;
  return `${finding.category}, ${basis}${finding.exempt ? ', exempt' : ''}`;
}

const setByOf = (finding: Finding, origin: string) => (finding.setBy ? `${finding.setBy.type} ${shortUrl(finding.setBy.url, origin)}` : '');

function phaseSection(phase: JudgedPhase, index: number, verdict: Verdict, origin: string): string[] {
  const failing = new Set(verdict.violations.filter((violation) => violation.phase == phase.name).map((violation) => violation.finding));
  const visited = phase.pages.filter((page) => !page.error).length;
  const what = [
    phase.choice && (phase.choice.made ? phase.choice.detail : `could not ${phase.name == 'rejected' ? 'reject' : 'accept'}: ${phase.choice.detail}`),
    phase.choice?.made === false ? 'not run' : `${visited} ${visited == 1 ? 'page' : 'pages'}`,
  ];
  const lines = [`${index}. ${TITLES[phase.name]}: ${what.filter(Boolean).join('; ')}`];
  for (const page of phase.pages) {
    if (page.error) lines.push(`   Not loaded: ${shortUrl(page.url, origin)} (${page.error})`);
    else if (page.status !== undefined && page.status >= 400) lines.push(`   HTTP ${page.status}: ${shortUrl(page.url, origin)}`);
  }
  if (phase.choice?.made === false) return lines;
  if (!phase.findings.length) return [...lines, '   Nothing stored.'];
  const rows = phase.findings.map((finding) => [
    fit(finding.name, 40),
    finding.kind,
    fit(finding.kind == 'cookie' ? finding.domain : (finding.origin ?? finding.domain), 40),
    finding.thirdParty ? 'third' : 'first',
    `${formatLifetime(finding.lifetime)}${finding.removed ? ' (removed)' : ''}`,
    categoryOf(finding),
    fit(shortUrl(finding.page, origin), 40),
    fit(setByOf(finding, origin), 60),
  ]);
  const header = ['Name', 'Type', 'Domain', 'Party', 'Expires', 'Category', 'First seen on', 'Set by'];
  const [head, ...body] = table([header, ...rows]);
  return [...lines, `   ${head}`, ...body.map((line, i) => `${failing.has(phase.findings[i]) ? ' * ' : '   '}${line}`)];
}

/** The whole report, ending with a newline. */
export function formatReport(scan: ScanResult, verdict: Verdict): string {
  const { origin } = scan;
  const config = scan.config;
  const lines = [
    `biscuit-consent scan of ${scan.startUrl}${scan.startUrl == scan.url ? '' : ` (from ${scan.url})`}`,
    config
      ? `Site config: ${{ live: 'the running biscuit-consent instance', block: 'the #biscuit-config block', global: 'window.BiscuitConfig' }[config.source]}; categories ${config.categories.map((category) => category.name).join(', ') || '(defaults)'}; consent cookie "${config.consentCookie}"`
      : 'Site config: none found (no biscuit-consent on these pages): only the table of well-known cookies tells what is essential',
    ...(config?.problems.map((problem) => `  Config problem: ${problem}`) ?? []),
    '',
  ];
  const count = verdict.violations.length;
  if (count) {
    lines.push(`FAIL: ${count} ${count == 1 ? 'violation' : 'violations'}`, '');
    verdict.violations.forEach((violation, i) => {
      lines.push(`  ${i + 1}. ${RULE_TITLES[violation.rule]}: ${violation.message}`);
      const finding = violation.finding;
      if (!finding) return;
      const about =
        finding.basis == 'unknown'
          ? 'not in the site config or the table of well-known cookies'
          : `${categoryOf(finding)}${finding.purpose ? `: ${finding.purpose}` : ''}`;
      lines.push(`     ${about}`, `     first seen on ${finding.page}`);
      if (finding.setBy) lines.push(`     set by ${finding.setBy.type} ${finding.setBy.url}`);
    });
  } else {
    lines.push('PASS: no violations');
  }
  const unchecked = verdict.phases.filter((phase) => !phase.checked);
  for (const phase of unchecked) lines.push(`  Not checked: ${TITLES[phase.name].toLowerCase()} (${phase.choice?.detail ?? 'not run'})`);
  lines.push('');
  verdict.phases.forEach((phase, i) => lines.push(...phaseSection(phase, i + 1, verdict, origin), ''));
  if (verdict.phases.some((phase) => phase.findings.some((finding) => verdict.violations.some((violation) => violation.finding === finding)))) {
    lines.push('* a violation');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
