/**
 * The rules a scan is judged by. Only what was checked counts:
 *
 * - Before any choice (phase one), anything not essential is a violation,
 *   unless its category is exempt (on unless the visitor objects).
 * - After a rejection (phase two), anything not essential that was set or
 *   kept is a violation; when no rejection could be made, phase two checks
 *   nothing.
 * - Accepting allows everything, so phase three only lists what the site sets.
 * - With `strict`, anything the site's config does not declare is a violation
 *   too (once, in the first phase it appeared in), and so is a phase whose
 *   choice could not be made.
 *
 * Essential means essential by the site's config, else by the table of
 * well-known cookies; unknown and undeclared is never essential.
 */
import { classify, type Finding, type PhaseName } from './findings';
import type { PhaseResult, ScanResult } from './scan';

/** A phase with its findings classified. */
export interface JudgedPhase extends Omit<PhaseResult, 'observations'> {
  readonly findings: readonly Finding[];
  /** Whether the phase's rule was checked (phase two only when a rejection was made). */
  readonly checked: boolean;
}

/** Which rule a violation broke. */
export type Rule = 'before-choice' | 'after-reject' | 'undeclared' | 'no-choice';

/** One violation. */
export interface Violation {
  readonly rule: Rule;
  readonly phase: PhaseName;
  /** What broke it; none for `no-choice`. */
  readonly finding?: Finding;
  readonly message: string;
}

/** A scan's findings, violations and exit code. */
export interface Verdict {
  readonly phases: readonly JudgedPhase[];
  readonly violations: readonly Violation[];
  readonly exitCode: 0 | 1;
}

/** `cookie "_ga" on .example.com`, `localStorage key "theme" of https://example.com`. */
export function describeFinding(finding: Pick<Finding, 'kind' | 'name' | 'domain' | 'origin'>): string {
  return finding.kind == 'cookie'
    ? `cookie "${finding.name}" on ${finding.domain}`
    : `${finding.kind} key "${finding.name}" of ${finding.origin ?? finding.domain}`;
}

const identity = (finding: Finding) => `${finding.kind}|${finding.name}|${finding.domain.replace(/^\./, '')}`;

/** Judges a scan. */
export function judge(scan: ScanResult, { strict }: { strict: boolean }): Verdict {
  const phases: JudgedPhase[] = scan.phases.map(({ observations, ...phase }) => ({
    ...phase,
    findings: observations.map((observation) => classify(observation, scan.config)),
    checked: phase.name != 'rejected' || phase.choice?.made === true,
  }));
  const violations: Violation[] = [];
  for (const phase of phases) {
    if (!phase.checked) continue;
    for (const finding of phase.findings) {
      if (finding.essential) continue;
      if (phase.name == 'new-visitor' && !finding.exempt) {
        violations.push({ rule: 'before-choice', phase: phase.name, finding, message: `${describeFinding(finding)} was set before the visitor made a choice` });
      } else if (phase.name == 'rejected') {
        const when = finding.removed ? 'was set (then removed)' : 'was set or kept';
        violations.push({ rule: 'after-reject', phase: phase.name, finding, message: `${describeFinding(finding)} ${when} after the visitor rejected` });
      }
    }
  }
  if (strict) {
    for (const phase of phases) {
      if (phase.choice && !phase.choice.made) {
        violations.push({
          rule: 'no-choice',
          phase: phase.name,
          message: `could not ${phase.name == 'rejected' ? 'reject' : 'accept'}: ${phase.choice.detail}`,
        });
      }
    }
    const reported = new Set<string>();
    for (const phase of phases) {
      for (const finding of phase.findings) {
        if (finding.declared || reported.has(identity(finding))) continue;
        reported.add(identity(finding));
        violations.push({ rule: 'undeclared', phase: phase.name, finding, message: `${describeFinding(finding)} is not declared in the site's config` });
      }
    }
  }
  return { phases, violations, exitCode: violations.length ? 1 : 0 };
}
