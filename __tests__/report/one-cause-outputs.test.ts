// One cause, one red row, in every output a person or a tool reads. Missing consent
// (AADSTS65001): Entra refuses the token, and the permissions check reads the same cause from the
// registration. Only the Access token row is a failure; the permissions row says "same cause as
// Access token" and keeps its table; the run still fails. First the engine's report through each
// renderer (terminal text, job summary / check-run output, JUnit, JSON report), then dist/index.js
// as a runner runs it, posting the check run to a GitHub API stand-in on loopback.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { SANDBOX_PASSWORD, SANDBOX_SECRET } from '../../sandbox/tenant.js';
import { renderText } from '../../src/cli/render-text.js';
import type { Report } from '../../src/engine/types.js';
import { toReportJson } from '../../src/report/json-report.js';
import { toJUnitXml } from '../../src/report/junit.js';
import { reportSchema } from '../../src/report/report-schema.js';
import { CHECK_RUN_SUMMARY_MAX_BYTES, renderSummary } from '../../src/report/summary-html.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../github/fake-github-api.js';
import { runEngine } from '../helpers/engine-run.js';
import { findLeaks } from '../helpers/leak-check.js';
import { runAction } from '../helpers/run-action.js';

const SAME_CAUSE = /^same cause as Access token: 3 of 3 required permissions missing: /;
const CHECKS = 'permissions, token, secret-expiry, mailbox';

let sandbox: Sandbox;
let github: FakeGitHubApi;
let report: Report;
beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'no-admin-consent' });
  github = await startFakeGitHubApi();
  // Mail endpoints on loopback: should a token be issued after all, no probe leaves the machine.
  const endpoints = [
    `authority=${sandbox.url}`,
    `graph=${sandbox.url}`,
    ...['imap', 'pop', 'smtp'].map((p) => `${p}=127.0.0.1:9`),
  ].join('\n');
  report = (await runEngine(sandbox, { checks: CHECKS, endpoints })).outcome.report;
});
afterAll(async () => {
  await sandbox.close();
  await github.close();
});

/** The job summary's checks table: one [title, status cell] per row. */
const tableRows = (html: string) =>
  [...html.slice(0, html.indexOf('</table>')).matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)/g)].map(
    (m) => [m[1], m[2]],
  );

describe('no consent (AADSTS65001): one red row in every output', () => {
  it('the report: token fails with the exact permissions in its fix, permissions is not red', () => {
    expect(report.result).toBe('fail');
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['token']);
    const permissions = report.checks.find((c) => c.id === 'permissions')!;
    expect(permissions.status).toBe('skip');
    expect(permissions.summary).toMatch(SAME_CAUSE);
    const token = report.checks.find((c) => c.id === 'token')!;
    expect(token.remediation).toMatch(
      /\nFrom App registration permissions: Entra ID → App registrations → .* → API permissions → Grant admin consent for <your organisation> .*, covering IMAP\.AccessAsUser\.All, SMTP\.Send, offline_access\.$/,
    );
  });

  it('terminal text: one ✘ line, the permissions table still shown under its row', () => {
    const text = renderText(report, { color: false, verbose: false });
    expect(text.match(/^✘ FAIL /gm)).toHaveLength(1);
    expect(text).toMatch(/^✘ FAIL {2}Access token +AADSTS65001: /m);
    expect(text).toMatch(
      /^- SKIP {2}App registration permissions {2}same cause as Access token: 3 of 3/m,
    );
    expect(text).toMatch(/^ +From App registration permissions: Entra ID → App registrations → /m);
    expect(text).toMatch(/IMAP\.AccessAsUser\.All +delegated +Microsoft Graph +yes +no /);
    expect(text).toMatch(/^Result: FAIL \(1 failed, /m);
  });

  it('job summary and check-run output: one ❌ row; the permissions row says why it is not', () => {
    for (const html of [
      renderSummary(report),
      renderSummary(report, { maxBytes: CHECK_RUN_SUMMARY_MAX_BYTES }),
    ]) {
      const rows = tableRows(html);
      expect(rows.filter(([, status]) => status!.startsWith('❌'))).toEqual([
        ['Access token', '❌&nbsp;failed'],
      ]);
      expect(rows).toContainEqual(['App registration permissions', '⏭️&nbsp;skipped']);
      expect(html).toContain('<td>same cause as Access token: 3 of 3 required permissions');
      // The permissions table is still there, open, under a summary that is not red.
      expect(html).toMatch(
        /<details open><summary><strong>⏭️ App registration permissions<\/strong>: same cause as Access token/,
      );
      expect(html).toContain('<td>IMAP.AccessAsUser.All</td><td>delegated</td>');
    }
  });

  it('JUnit: one failure (the token), the permissions case skipped with its reason', () => {
    const xml = toJUnitXml(report, { failOn: 'error', startedAt: new Date(0), durationMs: 1 });
    expect(xml).toMatch(/<testsuite [^>]*failures="1"[^>]*skipped="3"/);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toMatch(/classname="m365-mail-preflight\.token"[^>]*>\s*<failure /);
    expect(xml).toMatch(
      /classname="m365-mail-preflight\.permissions"[^>]*>\s*<skipped message="same cause as Access token: /,
    );
  });

  it('JSON report: the contract fields only (no internal marker), one failed check', () => {
    const json = JSON.parse(toReportJson(report)) as Report;
    reportSchema.parse(json);
    expect(json.checks.filter((c) => c.status === 'fail')).toHaveLength(1);
    expect(toReportJson(report)).not.toContain('followsFrom');
  });

  it('dist/index.js: one error annotation, one failed check in the check run, JUnit and report; exit 1', async () => {
    const junitPath = 'preflight.xml';
    const run = await runAction(
      {
        ...sandboxInputs(sandbox, { checks: 'permissions, token, secret-expiry' }),
        'github-token': 'ghs_loopbackWorkflowToken0123456789',
        'junit-path': junitPath,
      },
      {
        env: {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: resolve('__tests__/fixtures/events/pull-request.json'),
          GITHUB_SHA: '9999999999999999999999999999999999999999',
          GITHUB_API_URL: github.url,
          GITHUB_SERVER_URL: 'https://github.example',
          GITHUB_RUN_ID: '1234',
        },
      },
    );
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('fail');
    // The permissions the Graph read found without consent are still an output.
    expect(run.outputs['missing-permissions']).toBe(
      'graph:IMAP.AccessAsUser.All (delegated), graph:SMTP.Send (delegated), graph:offline_access (delegated)',
    );
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toEqual([expect.stringMatching(/^::error title=Access token failed/)]);
    expect(errors[0]).toContain('From App registration permissions: Entra ID');
    expect(tableRows(run.summary).filter(([, s]) => s!.startsWith('❌'))).toHaveLength(1);
    const checkRun = github.requests[0]!.body as { output: { title: string; summary: string } };
    expect(checkRun.output.title).toBe('Failed: 1 failed, 2 passed, 1 skipped');
    expect(tableRows(checkRun.output.summary).filter(([, s]) => s!.startsWith('❌'))).toEqual([
      ['Access token', '❌&nbsp;failed'],
    ]);
    const xml = readFileSync(join(run.dir, junitPath), 'utf8');
    expect(xml.match(/<failure /g)).toHaveLength(1);
    const checks = reportSchema.parse(run.report).checks;
    expect(checks.map((c) => `${c.id} ${c.status}`)).toEqual([
      'inputs pass',
      'token fail',
      'permissions skip',
      'secret-expiry pass',
    ]);
    expect(checks[2]!.summary).toMatch(SAME_CAUSE);
    expect(findLeaks(run, [SANDBOX_SECRET, SANDBOX_PASSWORD])).toEqual([]);
  });
});
