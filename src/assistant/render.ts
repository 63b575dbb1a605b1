// The plan and the apply as text for a terminal: one line per step with ✓ / ✗ / ?, the commands
// under each missing step, Exchange Online PowerShell under the Exchange steps.
import type { ApplyResult } from './apply.js';
import { clean } from './apply.js';
import { plannedWrites, type Plan, type PlanStep } from './plan.js';

const MARK = { done: '✓', missing: '✗', unknown: '?' } as const;
const WORD = { done: 'done', missing: 'missing', unknown: 'cannot tell' } as const;

export function renderPlan(plan: Plan, options: { summary?: boolean } = {}): string {
  const lines: string[] = [];
  for (const step of plan.steps) lines.push(...renderStep(step));
  if (options.summary === false) return `${lines.join('\n')}\n`;
  const count = (s: PlanStep['status']) => plan.steps.filter((x) => x.status === s).length;
  const writes = plannedWrites(plan).length;
  lines.push(
    '',
    `Summary: ${count('missing')} missing (${writes} Graph write${writes === 1 ? '' : 's'} with --apply), ${count('unknown')} cannot tell, ${count('done')} done.`,
  );
  return `${lines.join('\n')}\n`;
}

function renderStep(step: PlanStep): string[] {
  const lines = [
    ` ${MARK[step.status]} ${step.title}: ${WORD[step.status]}${step.detail ? ` (${clean(step.detail)})` : ''}`,
  ];
  if (step.status === 'missing' && step.commands) {
    const c = step.commands;
    lines.push(`     Portal:     ${c.portal}`);
    for (const g of c.graph) lines.push(`     Graph:      ${g}`);
    for (const a of c.az) lines.push(`     az:         ${a}`);
    for (const p of c.powershell) lines.push(`     PowerShell: ${p}`);
  }
  if (step.exchange?.length) {
    lines.push('     Exchange Online PowerShell:');
    for (const e of step.exchange) lines.push(`       ${e}`);
  }
  return lines;
}

export function renderWrites(plan: Plan): string {
  const writes = plannedWrites(plan);
  return `${writes.map((w, i) => `  ${i + 1}. ${w.method} /v1.0${w.path}: ${w.what}\n     needs ${w.needs.permission} and one of: ${w.needs.roles.join(', ')}`).join('\n')}\n`;
}

export function renderApply(result: ApplyResult): string {
  const lines = result.results.map(
    (r) => ` ${r.ok ? '✓' : '✗'} ${r.write.method} /v1.0${r.path} → HTTP ${r.status} ${r.answer}`,
  );
  if (result.refusal) {
    lines.push('', `Stopped: ${result.refusal.reason}`, `Fix: ${result.refusal.fix}`);
    if (result.notSent.length)
      lines.push(
        `Not sent (${result.notSent.length}): ${result.notSent.map((w) => w.what).join('; ')}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
