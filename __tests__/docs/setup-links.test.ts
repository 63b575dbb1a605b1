// Every "Fix:" links to its step of the setup guide: for each sandbox scenario, each failed or
// warned check with a fix gets a section of docs/setup.md that exists; the summary links to it
// at the action's own repository and ref.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { SCENARIOS } from '../../sandbox/scenarios.js';
import { setupAnchor, setupGuideUrl } from '../../src/report/setup-link.js';
import { renderSummary } from '../../src/report/summary-html.js';
import { runEngine } from '../helpers/engine-run.js';

const headings = new Set(
  [...readFileSync('docs/setup.md', 'utf8').matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
    m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(/ /g, '-'),
  ),
);
const sandboxes: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
});

describe('every fix links to its setup step', () => {
  it.each(SCENARIOS.map((s) => s.name))('%s', async (name) => {
    const scenario = SCENARIOS.find((s) => s.name === name)!;
    const sandbox = await startSandbox({ scenario: name });
    sandboxes.push(sandbox);
    // Mail endpoints on loopback: no probe may leave the machine.
    const endpoints = [
      `authority=${sandbox.url}`,
      `graph=${sandbox.url}`,
      ...['imap', 'pop', 'smtp'].map((p) => `${p}=127.0.0.1:9`),
    ].join('\n');
    const { outcome } = await runEngine(sandbox, { endpoints, ...scenario.inputs });
    for (const check of outcome.report.checks.filter(
      (c) => c.remediation && (c.status === 'fail' || c.status === 'warn') && c.id !== 'inputs',
    )) {
      const anchor = setupAnchor(check);
      expect(
        `${check.id}: ${anchor && headings.has(anchor) ? 'linked' : `no step (${anchor})`}`,
      ).toBe(`${check.id}: linked`);
    }
  });

  it('the summary links each fix to the guide at the action’s repository and ref', () => {
    const url = setupGuideUrl({
      GITHUB_ACTION_REPOSITORY: 'acme/m365-mail-preflight',
      GITHUB_ACTION_REF: 'v1',
    })!;
    expect(url).toBe('https://github.com/acme/m365-mail-preflight/blob/v1/docs/setup.md');
    const text = renderSummary(
      {
        version: 1,
        result: 'fail',
        tenantId: 't',
        clientId: 'c',
        grant: 'password',
        checks: [
          {
            id: 'permissions',
            title: 'App registration permissions',
            status: 'fail',
            summary: 'missing: graph:SMTP.Send (delegated)',
            remediation:
              'API permissions → Add a permission → SMTP.Send, then Grant admin consent.',
          },
        ],
        token: null,
        secrets: [],
      },
      { setupGuideUrl: url },
    );
    expect(text).toContain(`<a href="${url}#admin-consent">Setup guide: admin-consent</a>`);
  });
});
