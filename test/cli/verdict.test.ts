// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeFinding, judge } from '../../src/cli/verdict';
import { ORIGIN, sampleScan } from './sample-scan';

const rules = (verdict: ReturnType<typeof judge>) => verdict.violations.map((violation) => [violation.rule, violation.phase, violation.finding?.name ?? null]);

describe('judge', () => {
  it('fails what is not essential before a choice, except exempt categories, and what a rejection leaves', () => {
    const verdict = judge(sampleScan(), { strict: false });
    expect(rules(verdict)).toEqual([
      ['before-choice', 'new-visitor', '_ga'],
      ['before-choice', 'new-visitor', 'IDE'],
      // Exempt before a choice, but rejecting objects to it.
      ['after-reject', 'rejected', '_pk_id.1.abc'],
      ['after-reject', 'rejected', 'theme'],
    ]);
    expect(verdict.exitCode).toBe(1);
    expect(verdict.violations.map((violation) => violation.message)).toEqual([
      'cookie "_ga" on www.anytown.gov.uk was set before the visitor made a choice',
      'cookie "IDE" on .doubleclick.net was set before the visitor made a choice',
      'cookie "_pk_id.1.abc" on www.anytown.gov.uk was set or kept after the visitor rejected',
      `localStorage key "theme" of ${ORIGIN} was set (then removed) after the visitor rejected`,
    ]);
  });

  it('allows everything after accepting, and passes a clean scan', () => {
    const clean = sampleScan({ 'new-visitor': { observations: [] }, rejected: { observations: [] } });
    expect(judge(clean, { strict: false })).toMatchObject({ violations: [], exitCode: 0 });
  });

  it('checks nothing after a rejection that could not be made, and says so', () => {
    const verdict = judge(sampleScan({ 'new-visitor': { observations: [] }, rejected: { choice: { made: false, detail: 'no button' }, pages: [] } }), {
      strict: false,
    });
    expect(verdict.phases.map((phase) => phase.checked)).toEqual([true, false, true]);
    expect(verdict.exitCode).toBe(0);
  });

  it('with strict, also fails everything undeclared (once) and a choice that could not be made', () => {
    const verdict = judge(sampleScan({ accepted: { choice: { made: false, detail: 'no button named "Accept"' }, pages: [], observations: [] } }), {
      strict: true,
    });
    expect(rules(verdict)).toEqual([
      ['before-choice', 'new-visitor', '_ga'],
      ['before-choice', 'new-visitor', 'IDE'],
      ['after-reject', 'rejected', '_pk_id.1.abc'],
      ['after-reject', 'rejected', 'theme'],
      ['no-choice', 'accepted', null],
      // Essential by the table, but the config does not declare it.
      ['undeclared', 'new-visitor', '__cf_bm'],
      ['undeclared', 'new-visitor', 'IDE'],
      ['undeclared', 'rejected', 'theme'],
    ]);
    expect(verdict.violations[4]!.message).toBe('could not accept: no button named "Accept"');
  });
});

describe('describeFinding', () => {
  it('names cookies by domain and storage keys by origin', () => {
    expect(describeFinding({ kind: 'cookie', name: 'a', domain: '.x.com' })).toBe('cookie "a" on .x.com');
    expect(describeFinding({ kind: 'sessionStorage', name: 'b', domain: 'x.com', origin: 'https://x.com' })).toBe('sessionStorage key "b" of https://x.com');
  });
});
