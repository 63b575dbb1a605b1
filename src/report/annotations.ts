// Which results become workflow annotations. The runner shows at most 10 error and 10 warning
// annotations per step and drops the rest silently, so we choose: most important first (the
// earliest setup step that is wrong explains the later failures), the rest go to the summary.
// A check may name its findings one by one (`CheckResult.annotations`, e.g. one per expiring
// credential): those are annotated instead of the check's own line when they include one at the
// check's level (the check then gives one finding per reason for its status); notices are kept
// apart, as the runner shows them as notices, not as problems.
import {
  CHECK_IDS,
  type AnnotationLevel,
  type CheckId,
  type CheckResult,
  type Report,
} from '../engine/types.js';

export const MAX_ANNOTATIONS_PER_LEVEL = 10;

export interface Annotation {
  level: Exclude<AnnotationLevel, 'notice'>;
  title: string;
  message: string;
  checkId: CheckId;
}

export interface AnnotationPlan {
  /** Shown as annotations, in this order. */
  shown: Annotation[];
  /** Beyond the runner's limit: listed in the job summary instead. */
  overflow: Annotation[];
  /** Findings a check marks as notices (e.g. an unused secret expiring), at most the limit. */
  notices: Notice[];
}

export interface Notice {
  level: Extract<AnnotationLevel, 'notice'>;
  title: string;
  message: string;
  checkId: CheckId;
}

/**
 * Root causes first: bad inputs explain everything, a refused token explains the probes. The
 * report's own order (CHECK_IDS) is already that order.
 */
const CHECK_RANK: readonly CheckId[] = CHECK_IDS;

const rank = (id: CheckId): number => {
  const i = CHECK_RANK.indexOf(id);
  return i < 0 ? CHECK_RANK.length : i;
};

export function annotationFor(check: CheckResult): Annotation | undefined {
  if (check.status !== 'fail' && check.status !== 'warn') return undefined;
  const level = check.status === 'fail' ? 'error' : 'warning';
  const code = check.code ? ` (${check.code})` : '';
  // The inputs check keeps its other refusals or warnings in `details`: each of them matters.
  // (A single refusal is repeated there as `input: message`, so one line adds nothing.)
  const more = check.id === 'inputs' && check.details?.includes('\n') ? check.details : '';
  const extra = check.id === 'inputs' && check.status === 'warn' ? (check.details ?? '') : more;
  const body = extra ? `${check.summary}\n${extra}` : check.summary;
  const message = `${body}${check.remediation ? `\nFix: ${check.remediation}` : ''}`;
  return {
    level,
    title:
      check.status === 'fail' ? `${check.title} failed${code}` : `${check.title}: warning${code}`,
    message,
    checkId: check.id,
  };
}

/**
 * A check's annotations: its findings when it names them one by one and one of them carries the
 * check's own level, else its own line followed by its findings (each error or warning).
 */
function annotationsFor(check: CheckResult): (Annotation | Notice)[] {
  const own = annotationFor(check);
  const findings = (check.annotations ?? []).map((a) => ({
    level: a.level,
    title: a.title,
    message: a.message,
    checkId: check.id,
  }));
  const covered = own !== undefined && findings.some((f) => f.level === own.level);
  return [...(own && !covered ? [own] : []), ...findings];
}

const isNotice = (a: Annotation | Notice): a is Notice => a.level === 'notice';

export function planAnnotations(
  report: Pick<Report, 'checks'>,
  limit = MAX_ANNOTATIONS_PER_LEVEL,
): AnnotationPlan {
  // Stable sort: within a check id, the check's own order of results is kept.
  const all = report.checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => rank(a.check.id) - rank(b.check.id) || a.index - b.index)
    .flatMap((c) => annotationsFor(c.check));
  const candidates = all.filter((a): a is Annotation => !isNotice(a));
  const shown: Annotation[] = [];
  const overflow: Annotation[] = [];
  for (const level of ['error', 'warning'] as const) {
    const ofLevel = candidates.filter((a) => a.level === level);
    shown.push(...ofLevel.slice(0, limit));
    overflow.push(...ofLevel.slice(limit));
  }
  return { shown, overflow, notices: all.filter(isNotice).slice(0, limit) };
}
