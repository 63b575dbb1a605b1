// Annotation choice: at most 10 errors and 10 warnings, root causes first, the rest overflow.
import { describe, expect, it } from '@jest/globals';
import type { CheckResult } from '../../src/engine/types.js';
import { annotationFor, planAnnotations } from '../../src/report/annotations.js';
import { failingReport } from './sample-reports.js';

const result = (id: CheckResult['id'], status: CheckResult['status'], n: number): CheckResult => ({
  id,
  title: `${id} ${n}`,
  status,
  summary: `${id} ${status} ${n}`,
});

describe('planAnnotations', () => {
  it('orders root causes first and keeps errors before warnings', () => {
    const plan = planAnnotations(failingReport);
    expect(plan.shown.map((a) => `${a.level} ${a.checkId}`)).toEqual([
      'error token',
      'error permissions',
      'warning inputs',
      'warning secret-expiry',
    ]);
    expect(plan.overflow).toEqual([]);
  });

  it('shows at most 10 errors and 10 warnings and hands the rest to the summary', () => {
    const checks = [
      ...Array.from({ length: 14 }, (_, i) => result('mailbox-imap', 'fail', i)),
      ...Array.from({ length: 12 }, (_, i) => result('secret-expiry', 'warn', i)),
      result('token', 'fail', 0),
      result('permissions', 'pass', 0),
    ];
    const plan = planAnnotations({ checks });
    expect(plan.shown.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(plan.shown.filter((a) => a.level === 'warning')).toHaveLength(10);
    expect(plan.shown[0]!.checkId).toBe('token');
    expect(plan.overflow).toHaveLength(15 - 10 + 12 - 10);
    // Results of one check keep their order: the last ones overflow.
    expect(plan.overflow.map((a) => a.title)).toEqual([
      'mailbox-imap 9 failed',
      'mailbox-imap 10 failed',
      'mailbox-imap 11 failed',
      'mailbox-imap 12 failed',
      'mailbox-imap 13 failed',
      'secret-expiry 10: warning',
      'secret-expiry 11: warning',
    ]);
  });

  it('gives each annotation a title with the code, and the fix in the message', () => {
    const note = annotationFor(failingReport.checks[1]!)!;
    expect(note.title).toBe('Access token failed (AADSTS50126)');
    expect(note.message).toMatch(/^Entra ID refused .*\nFix: Check the password/s);
  });

  it('lists every refused input, not only the first', () => {
    const note = annotationFor({
      id: 'inputs',
      title: 'Inputs',
      status: 'fail',
      summary: "input 'tenant-id' is required",
      details: 'tenant-id: is required\nclient-id: is required',
      remediation: 'Fix the inputs.',
    })!;
    expect(note.message).toBe(
      "input 'tenant-id' is required\ntenant-id: is required\nclient-id: is required\nFix: Fix the inputs.",
    );
  });

  it('makes no annotation for passed or skipped checks', () => {
    expect(annotationFor(result('token', 'pass', 0))).toBeUndefined();
    expect(annotationFor(result('token', 'skip', 0))).toBeUndefined();
  });

  it("annotates a check's findings one by one in place of its own line, within the limit", () => {
    const finding = (level: 'error' | 'warning' | 'notice', n: number) => ({
      level,
      title: `credential ${n}`,
      message: `credential ${n} expires`,
    });
    const tenant: CheckResult = {
      ...result('secret-expiry', 'warn', 1),
      annotations: Array.from({ length: 12 }, (_, i) => finding('warning', i)),
    };
    const self: CheckResult = {
      ...result('secret-expiry', 'fail', 0),
      annotations: [finding('error', 100), finding('notice', 101)],
    };
    const plan = planAnnotations({ checks: [self, tenant] });
    expect(plan.shown.map((a) => `${a.level} ${a.title}`)).toEqual([
      'error credential 100',
      ...Array.from({ length: 10 }, (_, i) => `warning credential ${i}`),
    ]);
    expect(plan.overflow.map((a) => a.title)).toEqual(['credential 10', 'credential 11']);
    expect(plan.notices).toEqual([
      {
        level: 'notice',
        title: 'credential 101',
        message: 'credential 101 expires',
        checkId: 'secret-expiry',
      },
    ]);
  });

  it("keeps the check's own line when no finding carries the check's level", () => {
    const check: CheckResult = {
      ...result('secret-expiry', 'fail', 0),
      annotations: [{ level: 'warning', title: 'certificate', message: 'expires in 20 days' }],
    };
    expect(planAnnotations({ checks: [check] }).shown.map((a) => a.title)).toEqual([
      'secret-expiry 0 failed',
      'certificate',
    ]);
  });
});
