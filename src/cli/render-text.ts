// The report as terminal text: one line per check with its status, the fix under it, details
// and tables for what did not pass. Colour only when asked (a terminal without NO_COLOR).
import type { CheckResult, CheckStatus, DetailTable, Report } from '../engine/types.js';
import { VERDICT_HEADLINE, countLine } from '../report/status.js';
import { SETUP_GUIDE_PATH, setupAnchor } from '../report/setup-link.js';
import { SUMMARY_TITLE } from '../report/summary-html.js';
import { cleanLine, cleanText } from '../text/sanitise.js';

export interface TextStyle {
  color: boolean;
  /** Details and tables of passed checks too. */
  verbose: boolean;
}

const SGR = { red: 31, green: 32, yellow: 33, grey: 90, bold: 1, dim: 2 } as const;
type Tone = keyof typeof SGR;

const STATUS_TONE: Record<CheckStatus, Tone> = {
  pass: 'green',
  warn: 'yellow',
  fail: 'red',
  skip: 'grey',
};
const STATUS_MARK: Record<CheckStatus, string> = { pass: '✔', warn: '!', fail: '✘', skip: '-' };

/** A terminal shows this much of a table or of a check's details unless --verbose: a tenant
 * scan can list thousands of credentials, and the JSON report (--json) always has them all. */
export const TEXT_MAX_ROWS = 20;
export const TEXT_MAX_DETAIL_LINES = 40;

/**
 * Whether to colour a stream. FORCE_COLOR decides when set, as in Node itself and most tools
 * (`0`/`false` off, anything else on: CI logs that render colour, `| less -R`); otherwise a
 * terminal without NO_COLOR (https://no-color.org).
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

export function renderText(raw: Report, style: TextStyle): string {
  // Server text reaches the terminal only through the sanitising boundary: no escape sequence
  // (colours, an OSC 52 clipboard write) and no carriage return that rewrites a line.
  const report = cleanForTerminal(raw);
  const paint = (tone: Tone, text: string) =>
    style.color ? `\u001b[${SGR[tone]}m${text}\u001b[0m` : text;
  const lines: string[] = [];
  const verdict = report.result.toUpperCase();
  lines.push(
    `${paint('bold', SUMMARY_TITLE)}: ${paint(STATUS_TONE[report.result], verdict)}, ${VERDICT_HEADLINE[report.result]}`,
  );
  const facts = [
    report.tenantId && `tenant ${report.tenantId}`,
    report.clientId && `app ${report.clientId}`,
    report.grant && `grant ${report.grant}`,
  ].filter(Boolean);
  if (facts.length) lines.push(paint('dim', facts.join(', ')));
  lines.push('');
  const width = Math.max(...report.checks.map((c) => c.title.length));
  for (const check of report.checks) {
    const status = `${STATUS_MARK[check.status]} ${check.status.toUpperCase().padEnd(4)}`;
    const code = check.code && !check.summary.includes(check.code) ? ` (${check.code})` : '';
    lines.push(
      `${paint(STATUS_TONE[check.status], status)}  ${paint('bold', check.title.padEnd(width))}  ${check.summary}${code}`,
    );
    const indent = ' '.repeat(8);
    if (check.remediation) {
      // A fix of several steps keeps every line under "Fix:", not at the left margin.
      const [first, ...more] = check.remediation.split(/\r?\n/);
      lines.push(`${indent}${paint('bold', 'Fix:')} ${first}`);
      for (const line of more) lines.push(`${indent}     ${line}`);
      const anchor = setupAnchor(check);
      if (anchor)
        lines.push(`${indent}${paint('dim', `Setup guide: ${SETUP_GUIDE_PATH}#${anchor}`)}`);
    }
    if (check.status === 'pass' && !style.verbose) continue;
    for (const table of check.tables ?? []) {
      const shown = style.verbose ? table : { ...table, rows: table.rows.slice(0, TEXT_MAX_ROWS) };
      lines.push(...textTable(shown).map((l, i) => indent + (i < 2 ? paint('dim', l) : l)));
      const hidden = table.rows.length - shown.rows.length;
      if (hidden > 0) lines.push(indent + paint('dim', moreNote(hidden, 'rows')));
    }
    if (check.details) {
      const all = check.details.split(/\r?\n/);
      const shown = style.verbose ? all : all.slice(0, TEXT_MAX_DETAIL_LINES);
      for (const line of shown) lines.push(indent + paint('dim', line));
      if (all.length > shown.length)
        lines.push(indent + paint('dim', moreNote(all.length - shown.length, 'lines')));
    }
  }
  lines.push('');
  lines.push(
    `Result: ${paint(STATUS_TONE[report.result], verdict)} (${countLine(report.checks.map((c: CheckResult) => c.status))})`,
  );
  return `${lines.join('\n')}\n`;
}

function cleanForTerminal(report: Report): Report {
  const text = (value: string) => cleanText(value, Number.MAX_SAFE_INTEGER);
  const line = (value: string) => cleanLine(value, Number.MAX_SAFE_INTEGER);
  return {
    ...report,
    tenantId: line(report.tenantId),
    clientId: line(report.clientId),
    checks: report.checks.map((check) => ({
      ...check,
      title: line(check.title),
      summary: line(check.summary),
      code: check.code === undefined ? undefined : line(check.code),
      remediation: check.remediation === undefined ? undefined : text(check.remediation),
      details: check.details === undefined ? undefined : text(check.details),
      tables: check.tables?.map((t) => ({
        caption: line(t.caption),
        headers: t.headers.map(line),
        rows: t.rows.map((r) => r.map(line)),
      })),
    })),
  };
}

const moreNote = (count: number, what: string) =>
  `… ${count} more ${what}: --verbose shows them, --json gives the whole report`;

function textTable(table: DetailTable): string[] {
  const widths = table.headers.map((h, i) =>
    Math.min(40, Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length))),
  );
  const row = (cells: readonly string[]) =>
    cells
      .map((c, i) =>
        (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c).padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  return [`${table.caption}:`, row(table.headers), ...table.rows.map(row)];
}
