/**
 * `--json`: the report for machines. Its shape is versioned by `version`: a
 * field is added without changing it, anything else changes it. Fields that
 * do not apply are `null`, never missing. The README documents each field.
 */
import type { Finding } from './findings';
import type { ScanResult } from './scan';
import { formatLifetime, type Suggestions } from './suggest';
import type { Verdict } from './verdict';

/** The version of the JSON shape. */
export const JSON_REPORT_VERSION = 1;

const findingJson = (finding: Finding) => ({
  kind: finding.kind,
  name: finding.name,
  domain: finding.domain,
  origin: finding.origin ?? null,
  thirdParty: finding.thirdParty,
  expires: formatLifetime(finding.lifetime),
  lifetimeSeconds: typeof finding.lifetime == 'number' ? finding.lifetime : null,
  page: finding.page,
  setBy: finding.setBy ?? null,
  removed: finding.removed ?? false,
  category: finding.category ?? null,
  declared: finding.declared,
  essential: finding.essential,
  exempt: finding.exempt,
  basis: finding.basis,
  pattern: finding.pattern ?? null,
  provider: finding.provider ?? null,
  purpose: finding.purpose ?? null,
  typicalExpiry: finding.typicalExpiry ?? null,
});

/** The JSON report as an object (the command prints it with two-space indents). */
export function jsonReport(scan: ScanResult, verdict: Verdict, suggestions: Suggestions, meta: { toolVersion: string; strict: boolean }) {
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: 'biscuit-consent', version: meta.toolVersion },
    url: scan.url,
    startUrl: scan.startUrl,
    startedAt: scan.startedAt,
    strict: meta.strict,
    config: scan.config
      ? {
          source: scan.config.source,
          consentCookie: scan.config.consentCookie,
          categories: scan.config.categories.map((category) => ({
            name: category.name,
            essential: category.essential,
            exempt: category.exempt,
            names: category.names.map((declared) => ({ name: declared.label, storage: declared.kind })),
          })),
          problems: scan.config.problems,
        }
      : null,
    phases: verdict.phases.map((phase) => ({
      name: phase.name,
      checked: phase.checked,
      choice: phase.choice ? { made: phase.choice.made, how: phase.choice.how ?? null, detail: phase.choice.detail } : null,
      pages: phase.pages.map((page) => ({ url: page.url, status: page.status ?? null, error: page.error ?? null })),
      findings: phase.findings.map(findingJson),
    })),
    violations: verdict.violations.map((violation) => ({
      rule: violation.rule,
      phase: violation.phase,
      message: violation.message,
      finding: violation.finding ? findingJson(violation.finding) : null,
    })),
    suggestions,
    exitCode: verdict.exitCode,
  };
}
