// The job summary as one string (Markdown with inline HTML, as GitHub renders it): the verdict,
// a table of checks with status, summary and fix, then the details of each check (its tables,
// Microsoft's or the server's replies), then the problems that did not fit into annotations.
// A pure function of the report: no clock, no ids, so a rendering can be checked in and compared.
// GitHub refuses a step summary over 1 MiB, and a check run's output over 65,535 characters:
// the text is cut to `maxBytes`, whole blocks first, saying what was left out.
import type { CheckResult, DetailTable, Report, SecretReport } from '../engine/types.js';
import { MAX_ANNOTATIONS_PER_LEVEL, type Annotation } from './annotations.js';
import { splitFix } from './fix-commands.js';
import { setupAnchor } from './setup-link.js';
import { clip, inlineHtml, preHtml } from './html.js';
import { STATUS_ICON, STATUS_WORD, VERDICT_HEADLINE, countLine } from './status.js';

/** GitHub's limit for one step's summary. */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;
/** GitHub's limit for a check run's output.summary (characters; bytes are a safe bound). */
export const CHECK_RUN_SUMMARY_MAX_BYTES = 65_535;

export const SUMMARY_TITLE = 'Microsoft 365 mail preflight';

export interface SummaryOptions {
  maxBytes?: number;
  /** Problems beyond the annotation limit: listed after the details. */
  overflow?: readonly Annotation[];
  /** URL of docs/setup.md: each fix then links to the setup step it repairs. */
  setupGuideUrl?: string;
}

const MAX_CELL = 600;
const MAX_DETAILS = 20_000;
const MAX_TABLE_ROWS = 300;
/** Room kept for closing tags and the truncation note, so they always fit. */
const RESERVE = 1024;

export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const out = new BoundedText(options.maxBytes ?? STEP_SUMMARY_MAX_BYTES);
  out.push(heading(report));
  out.push(overview(report));
  checksTable(report.checks, out, options.setupGuideUrl);
  const detailed = report.checks.filter(hasDetails);
  /** Command blocks already shown, and under which check: each is shown once. */
  const shownCommands = new Map<string, string>();
  const secretsFallback = secretsTableFallback(report);
  if (detailed.length || secretsFallback) {
    if (out.tryPush('<h3>Details</h3>\n\n')) {
      for (const check of detailed) if (!out.tryPush(checkDetails(check, shownCommands))) break;
      if (secretsFallback) out.tryPush(secretsFallback);
    }
  }
  if (options.overflow?.length) out.tryPush(overflowBlock(options.overflow));
  out.tryPush(
    '<p>The full report (JSON) is at the path in the <code>report-path</code> output.</p>\n',
  );
  return out.finish();
}

function heading(report: Report): string {
  return `<h2>${STATUS_ICON[report.result]} ${SUMMARY_TITLE}: ${report.result}</h2>\n\n`;
}

function overview(report: Report): string {
  const facts = [
    report.tenantId ? `tenant <code>${inlineHtml(report.tenantId)}</code>` : '',
    report.clientId ? `app <code>${inlineHtml(report.clientId)}</code>` : '',
    report.grant ? `grant <code>${report.grant}</code>` : '',
  ].filter(Boolean);
  const counts = countLine(report.checks.map((c) => c.status));
  return `<p><strong>${capitalise(VERDICT_HEADLINE[report.result])}.</strong> ${counts}.${
    facts.length ? ` Checked ${facts.join(', ')}.` : ''
  }</p>\n\n`;
}

function checksTable(checks: readonly CheckResult[], out: BoundedText, guide?: string): void {
  // A run with nothing to fix has no Fix column: an empty column only draws the eye.
  const withFix = checks.some((c) => c.remediation);
  out.push(
    `<table>\n<thead><tr><th>Check</th><th>Status</th><th>Summary</th>${withFix ? '<th>Fix</th>' : ''}</tr></thead>\n<tbody>\n`,
  );
  let shown = 0;
  for (const check of checks) {
    if (!out.tryPush(checkRow(check, withFix, guide), '</tbody>\n</table>\n\n'.length + 200)) break;
    shown++;
  }
  if (shown < checks.length)
    out.push(
      `<tr><td colspan="${withFix ? 4 : 3}">… ${checks.length - shown} more results did not fit: see the JSON report.</td></tr>\n`,
    );
  out.push('</tbody>\n</table>\n\n');
}

function checkRow(check: CheckResult, withFix: boolean, guide?: string): string {
  const code = check.code ? `<br><code>${inlineHtml(check.code)}</code>` : '';
  // The words of the fix only: its commands are under the check, in Details, to copy.
  const fix = splitFix(check.remediation);
  const anchor = guide && check.remediation ? setupAnchor(check) : undefined;
  const below =
    (fix.commands.length ? ' (commands in Details below)' : '') +
    (anchor ? ` <a href="${inlineHtml(`${guide}#${anchor}`)}">Setup guide: ${anchor}</a>` : '');
  return `<tr><td>${inlineHtml(check.title)}</td><td>${STATUS_ICON[check.status]}&nbsp;${STATUS_WORD[check.status]}${code}</td><td>${inlineHtml(clip(check.summary, MAX_CELL))}</td>${withFix ? `<td>${inlineHtml(clip(fix.prose, MAX_CELL * 2), { breaks: true, code: true })}${below}</td>` : ''}</tr>\n`;
}

const hasDetails = (check: CheckResult): boolean =>
  Boolean(check.details?.trim()) ||
  Boolean(check.tables?.length) ||
  splitFix(check.remediation).commands.length > 0;

/**
 * The fix's commands as a fenced code block (GitHub renders Markdown inside <details> when blank
 * lines surround it, with a copy button), once: a later check with the same commands points up.
 */
function commandBlock(check: CheckResult, shown: Map<string, string>): string {
  const { commands, language } = splitFix(check.remediation);
  if (!commands.length) return '';
  const text = commands.join('\n');
  const earlier = shown.get(text);
  if (earlier)
    return `<p>Fix: the same commands as under <strong>${inlineHtml(earlier)}</strong>.</p>\n`;
  shown.set(text, check.title);
  // A fence longer than any backtick run inside keeps the block closed where it should be.
  const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `\n<p><strong>Fix</strong>, to copy:</p>\n\n${fence}${language}\n${text}\n${fence}\n\n`;
}

function checkDetails(check: CheckResult, shownCommands: Map<string, string>): string {
  // Open what needs attention, and the tables (permissions, secrets) even on a pass: they are
  // what a reader comes to the summary for. Passing transcripts stay folded.
  const open =
    check.status === 'fail' || check.status === 'warn' || check.tables?.length ? ' open' : '';
  // The code once: many summaries already start with it ("AADSTS7000215: ...").
  const code =
    check.code && !check.summary.includes(check.code) ? ` (${inlineHtml(check.code)})` : '';
  const parts = [
    `<details${open}><summary><strong>${STATUS_ICON[check.status]} ${inlineHtml(check.title)}</strong>${code}: ${inlineHtml(clip(check.summary, MAX_CELL))}</summary>\n`,
  ];
  parts.push(commandBlock(check, shownCommands));
  for (const table of check.tables ?? []) parts.push(detailTable(table));
  if (check.details?.trim())
    parts.push(`<pre>${preHtml(clip(check.details, MAX_DETAILS))}</pre>\n`);
  parts.push('</details>\n\n');
  return parts.join('');
}

function detailTable(table: DetailTable): string {
  const rows = table.rows.slice(0, MAX_TABLE_ROWS);
  const head = table.headers.map((h) => `<th>${inlineHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r) => `<tr>${r.map((cell) => `<td>${inlineHtml(clip(cell, MAX_CELL))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const more =
    table.rows.length > rows.length
      ? `\n<tr><td colspan="${table.headers.length}">… ${table.rows.length - rows.length} more rows in the JSON report.</td></tr>`
      : '';
  return `<p><strong>${inlineHtml(table.caption)}</strong></p>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}${more}\n</tbody>\n</table>\n`;
}

/** Secrets the report lists when no check brought its own table for them. */
function secretsTableFallback(report: Report): string | undefined {
  if (!report.secrets.length) return undefined;
  if (report.checks.some((c) => c.id === 'secret-expiry' && c.tables?.length)) return undefined;
  const rows = Array.from(report.secrets, (s: SecretReport) => [
    s.app,
    `${s.displayName || '(no description)'} (${s.hint}…)`,
    s.endDateTime,
    String(s.daysLeft),
    s.inUse ? 'yes' : '',
  ]);
  return `${detailTable({ caption: 'Client secrets', headers: ['App', 'Secret', 'Expires', 'Days left', 'In use'], rows })}\n`;
}

function overflowBlock(overflow: readonly Annotation[]): string {
  const items = overflow
    .map(
      (a) =>
        `<li>${a.level === 'error' ? '❌' : '⚠️'} <strong>${inlineHtml(a.title)}</strong>: ${overflowMessage(a)}</li>`,
    )
    .join('\n');
  return `<h3>More problems</h3>\n\n<p>A step shows at most ${MAX_ANNOTATIONS_PER_LEVEL} error and ${MAX_ANNOTATIONS_PER_LEVEL} warning annotations; these ${overflow.length} did not fit:</p>\n<ul>\n${items}\n</ul>\n\n`;
}

/** The message on one line, and the action's fix (if any) on a line of its own. */
function overflowMessage(a: Annotation): string {
  const tail = a.fix === undefined ? '' : `\nFix: ${a.fix}`;
  const body = tail && a.message.endsWith(tail) ? a.message.slice(0, -tail.length) : a.message;
  const fix = tail && body !== a.message ? a.fix! : undefined;
  return `${inlineHtml(clip(body, MAX_CELL))}${
    fix === undefined
      ? ''
      : `<br>Fix: ${inlineHtml(clip(fix, MAX_CELL), { breaks: true, code: true })}`
  }`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Text that never grows past `max` bytes; whatever could not be added is named at the end. */
class BoundedText {
  private readonly parts: string[] = [];
  private bytes = 0;
  private omitted = 0;

  constructor(private readonly max: number) {}

  /** Required pieces: kept within the reserve, cut hard only if even that is exceeded. */
  push(piece: string): void {
    const size = Buffer.byteLength(piece);
    if (this.bytes + size > this.max - RESERVE / 2) {
      this.omitted++;
      return;
    }
    this.parts.push(piece);
    this.bytes += size;
  }

  /** Optional pieces: added only if they fit with room left for `keep` more bytes. */
  tryPush(piece: string, keep = 0): boolean {
    if (this.omitted > 0) return false;
    const size = Buffer.byteLength(piece);
    if (this.bytes + size + keep > this.max - RESERVE) {
      this.omitted++;
      return false;
    }
    this.parts.push(piece);
    this.bytes += size;
    return true;
  }

  finish(): string {
    if (this.omitted)
      this.parts.push(
        '<p><em>Some details were left out to stay within GitHub’s size limit; the JSON report has everything.</em></p>\n',
      );
    return this.parts.join('');
  }
}
