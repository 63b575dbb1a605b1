// The job summary: checked-in renderings of a passing and a failing run, HTML escaping, the
// 1 MiB (step) and 65,535-character (check run) limits, and the annotations that did not fit.
import { describe, expect, it } from '@jest/globals';
import type { CheckResult, Report } from '../../src/engine/types.js';
import { planAnnotations } from '../../src/report/annotations.js';
import { PRE_WIDTH } from '../../src/report/html.js';
import {
  CHECK_RUN_SUMMARY_MAX_BYTES,
  STEP_SUMMARY_MAX_BYTES,
  renderSummary,
} from '../../src/report/summary-html.js';
import { failingReport, passingReport } from './sample-reports.js';
import { matchesSummaryFixture } from './summary-fixtures.js';

/** Blocks separated by blank lines, outside <pre>: each must be one HTML block. */
function looseBlocks(markdown: string): string[] {
  return markdown
    .replace(/<pre>[\s\S]*?<\/pre>/g, '<pre></pre>')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
}

describe('renderSummary', () => {
  it('renders a passing run as the checked-in fixture', () => {
    matchesSummaryFixture('passing', renderSummary(passingReport));
  });

  it('renders a failing run as the checked-in fixture', () => {
    const overflow = planAnnotations(failingReport, 1).overflow;
    matchesSummaryFixture('failing', renderSummary(failingReport, { overflow }));
  });

  it('shows the verdict, then one row per check with status, summary and fix', () => {
    const text = renderSummary(failingReport);
    expect(text.startsWith('<h2>❌ Microsoft 365 mail preflight: fail</h2>')).toBe(true);
    const rows = text.match(/<tr><td>[^<]+<\/td><td>(✅|⚠️|❌|⏭️)/g) ?? [];
    expect(rows).toHaveLength(failingReport.checks.length);
    expect(text).toContain('<code>AADSTS50126</code>');
    expect(text).toContain('Grant admin consent');
  });

  it('keeps every block an HTML block, so Markdown never reinterprets text', () => {
    for (const text of [renderSummary(passingReport), renderSummary(failingReport)])
      for (const block of looseBlocks(text)) expect(block).toMatch(/^</);
  });

  it('escapes HTML in every field that comes from outside', () => {
    const hostile: CheckResult = {
      id: 'mailbox-smtp',
      title: 'SMTP <b>',
      status: 'fail',
      code: '535 <5.7.139>',
      summary: '<script>alert(1)</script> & "quotes"',
      details: '</pre><img src=x onerror=alert(1)>',
      remediation: "it's <i>fine</i>",
      tables: [{ caption: '<caption>', headers: ['<h>'], rows: [['<td>']] }],
    };
    const text = renderSummary({ ...failingReport, checks: [hostile] });
    expect(text).not.toMatch(/<(script|img|b|i|h|td>|caption)[\s>]/);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(text).toContain('&lt;/pre&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(text).toContain('535 &lt;5.7.139&gt;');
  });

  it('stays within 1 MiB for a huge tenant scan, and says what was left out', () => {
    const many: CheckResult[] = Array.from({ length: 4000 }, (_, i) => ({
      id: 'secret-expiry',
      title: `Secret expiry: app ${i}`,
      status: i % 2 ? 'warn' : 'fail',
      summary: `secret of app ${i} expires soon ${'x'.repeat(300)}`,
      remediation: 'Rotate it.',
      details: 'd'.repeat(5000),
    }));
    const report: Report = { ...failingReport, checks: many };
    const text = renderSummary(report);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(STEP_SUMMARY_MAX_BYTES * 0.9);
    expect(text).toContain('<h2>❌');
    expect(text).toContain('the JSON report has everything');
    // The table is closed even when cut.
    expect(text.split('<table>').length).toBe(text.split('</table>').length);
  });

  it('fits the check-run limit when asked', () => {
    const many: CheckResult[] = Array.from({ length: 1500 }, (_, i) => ({
      id: 'secret-expiry',
      title: `app ${i}`,
      status: 'warn',
      summary: 'expires soon',
      details: 'y'.repeat(2000),
    }));
    const text = renderSummary(
      { ...passingReport, result: 'warn', checks: many },
      { maxBytes: CHECK_RUN_SUMMARY_MAX_BYTES },
    );
    expect(text.length).toBeLessThanOrEqual(CHECK_RUN_SUMMARY_MAX_BYTES);
    expect(text).toContain('more results did not fit');
    expect(text.split('<table>').length).toBe(text.split('</table>').length);
  });

  it('shows the permission and secrets tables open even on a pass; passing transcripts stay folded', () => {
    const text = renderSummary(passingReport);
    const opening = (title: string) =>
      new RegExp(
        `<details( open)?><summary><strong>✅ ${title.replace(/[()]/g, '\\$&')}</strong>`,
      ).exec(text);
    expect(opening('Permissions')?.[1]).toBe(' open');
    expect(opening('Client secret expiry')?.[1]).toBe(' open');
    expect(opening('Mailbox login (IMAP)')?.[1]).toBeUndefined();
    expect(text).toContain('<strong>Permissions the flow needs</strong>');
    expect(text).toContain('<strong>Client secrets of the registration</strong>');
  });

  it('wraps long detail lines at spaces (GitHub does not wrap a <pre>), leaving short ones be', () => {
    const cause = `Cause: ${'the token is for another resource '.repeat(10).trim()}.`;
    const transcript = 'S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.';
    const url = `https://example.com/${'x'.repeat(200)}`;
    const check: CheckResult = {
      id: 'mailbox-imap',
      title: 'Mailbox login (IMAP)',
      status: 'fail',
      summary: 'refused',
      details: [cause, transcript, `  see ${url} now`].join('\n'),
    };
    const text = renderSummary({ ...failingReport, checks: [check] });
    const pre = /<pre>([\s\S]*?)<\/pre>/.exec(text)![1]!.split('&#10;');
    expect(pre.length).toBeGreaterThan(3);
    // Nothing is lost or reordered: joining the wrapped lines gives the text back.
    const causeLines = pre.slice(0, pre.indexOf(transcript));
    expect(causeLines.map((l) => l.trim()).join(' ')).toBe(cause);
    expect(causeLines.every((l) => l.length <= PRE_WIDTH)).toBe(true);
    expect(causeLines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    expect(pre).toContain(transcript);
    // A word longer than a line is kept whole, on a line of its own, indented like its line.
    expect(pre).toContain(`    ${url}`);
  });

  it('lists the problems that did not fit into annotations', () => {
    const text = renderSummary(failingReport, {
      overflow: [{ level: 'error', title: 'Extra failed', message: 'one more', checkId: 'token' }],
    });
    expect(text).toContain('<h3>More problems</h3>');
    expect(text).toContain('<strong>Extra failed</strong>: one more');
  });

  it('shows the report secrets when no check brought a secrets table', () => {
    const text = renderSummary({ ...passingReport, checks: passingReport.checks.slice(0, 2) });
    expect(text).toContain('<strong>Client secrets</strong>');
    expect(text).toContain('<td>ci-pipeline (Qx4…)</td>');
  });

  it("shows a fix's commands once, in a fenced code block under the check, not in the table", () => {
    const commands =
      'In Exchange Online PowerShell (Connect-ExchangeOnline):\n' +
      'New-ServicePrincipal -AppId 1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b -ObjectId b1d2c3b4-0000-4000-8000-00000000b001\n' +
      'Add-MailboxPermission -Identity ci@contoso.com -User b1d2c3b4-0000-4000-8000-00000000b001 -AccessRights FullAccess';
    const refused = (id: CheckResult['id'], title: string): CheckResult => ({
      id,
      title,
      status: 'fail',
      summary: `${title}: Exchange Online refused the app-only token`,
      remediation: commands,
    });
    const report: Report = {
      ...failingReport,
      checks: [
        failingReport.checks[0]!,
        refused('mailbox-imap', 'Mailbox login (IMAP)'),
        refused('mailbox-smtp', 'Mailbox login (SMTP)'),
      ],
    };
    const text = renderSummary(report);
    matchesSummaryFixture('fix-commands', text);
    const table = text.slice(0, text.indexOf('</table>'));
    expect(table).not.toContain('New-ServicePrincipal');
    expect(table).toContain(
      'In Exchange Online PowerShell (Connect-ExchangeOnline): (commands in Details below)',
    );
    // One fenced block, under the first check; the second points to it.
    expect(text.match(/```powershell\nNew-ServicePrincipal /g)).toHaveLength(1);
    expect(text.match(/New-ServicePrincipal/g)).toHaveLength(1);
    expect(text).toContain('the same commands as under <strong>Mailbox login (IMAP)</strong>');
    // The fence sits between blank lines, so GitHub renders it as code, not as text.
    expect(text).toMatch(/\n\n```powershell\n[^`]+\n```\n\n/);
  });
});
