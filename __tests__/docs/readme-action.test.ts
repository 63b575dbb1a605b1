// The README's inputs and outputs tables against action.yml (names and defaults), the example
// workflows against the action's inputs, and the troubleshooting page against the AADSTS
// catalogue: documentation that drifts from the code misleads exactly when someone needs it.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { AADSTS_CATALOGUE } from '../../src/identity/aadsts-catalogue.js';
import { MAX_GITHUB_BODY_BYTES } from '../../src/github/rest.js';
import { MAX_PAGES } from '../../src/graph/registration.js';
import { MAX_BODY_BYTES, describeBytes } from '../../src/http/capped-body.js';
import { MAX_TOKEN_LIFETIME_SECONDS } from '../../src/identity/token-response.js';
import { MAIL_LIMITS } from '../../src/mailbox/line-connection.js';
import { MAX_TENANT_PAGES, TENANT_PAGE_SIZE } from '../../src/credentials/tenant-apps.js';
import { MAX_DETAILS_CHARS, MAX_FIELD_CHARS } from '../../src/text/sanitise.js';

interface ActionYaml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, unknown>;
}
const action = parse(readFileSync('action.yml', 'utf8')) as ActionYaml;
const readme = readFileSync('README.md', 'utf8');

function section(name: string): string {
  const match = new RegExp(
    `<!-- section:${name} \\(\\w+\\) -->([\\s\\S]*?)<!-- /section:${name} -->`,
  ).exec(readme);
  if (!match) throw new Error(`README has no section ${name}`);
  return match[1]!;
}

/** First column (a `name`) and the other cells of each table row in a README section. */
function tableRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    // Prettier pads the cells of a Markdown table: compare trimmed cells.
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([a-z-]+)`$/.exec(cells[1] ?? '');
    if (line.startsWith('|') && name) rows.set(name[1]!, cells.slice(2, -1));
  }
  return rows;
}

describe('README', () => {
  it('lists every input of action.yml, in order, with its default', () => {
    const rows = tableRows(section('inputs'));
    expect([...rows.keys()]).toEqual(Object.keys(action.inputs));
    for (const [name, spec] of Object.entries(action.inputs)) {
      const documented = rows.get(name)![0];
      const expected = spec.required
        ? '(required)'
        : `\`${spec.default === '' ? "''" : spec.default}\``;
      expect(`${name}: ${documented}`).toBe(`${name}: ${expected}`);
    }
  });

  it('lists every output of action.yml, in order', () => {
    expect([...tableRows(section('outputs')).keys()]).toEqual(Object.keys(action.outputs));
  });

  it('shows the example workflows it links to, and they use only real inputs', () => {
    const usage = section('usage');
    for (const file of readdirSync('examples').filter((f) => f.endsWith('.yml'))) {
      expect(usage).toContain(`examples/${file}`);
      const workflow = parse(readFileSync(`examples/${file}`, 'utf8')) as {
        jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
      };
      const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
      const ours = steps.filter((s) => s.uses?.includes('m365-mail-preflight'));
      expect(ours.length).toBeGreaterThan(0);
      for (const step of ours)
        for (const input of Object.keys(step.with ?? {}))
          expect(Object.keys(action.inputs)).toContain(input);
    }
  });
});

describe('docs/troubleshooting.md', () => {
  const page = readFileSync('docs/troubleshooting.md', 'utf8');

  it('has a row for every AADSTS code the token diagnosis knows', () => {
    const missing = [...AADSTS_CATALOGUE.keys()].filter(
      (code) =>
        !new RegExp(`^\\| (AADSTS\\d+ / )*AADSTS${code}( / AADSTS\\d+)* +\\|`, 'm').test(page),
    );
    expect(missing).toEqual([]);
  });
});

describe('docs/security.md: the bounds on server text', () => {
  const security = readFileSync('docs/security.md', 'utf8');
  const bounds = /<!-- bounds -->([\s\S]*?)<!-- \/bounds -->/.exec(security)?.[1] ?? '';
  const row = (label: string) =>
    bounds
      .split('\n')
      .find((line) => line.startsWith(`| ${label} `))
      ?.split('|')[2]
      ?.trim();

  it('lists each bound with the value the code uses', () => {
    expect(row('HTTP answer (token endpoint, Graph page, `$batch`)')).toBe(
      describeBytes(MAX_BODY_BYTES),
    );
    expect(row('GitHub API answer (check run, commit status)')).toBe(
      describeBytes(MAX_GITHUB_BODY_BYTES),
    );
    expect(row('Mail reply line')).toBe(`${MAIL_LIMITS.lineBytes / 1024} KiB`);
    expect(row('Mail lines read per connection')).toBe(String(MAIL_LIMITS.linesRead));
    expect(row('Mail bytes read per connection')).toBe(`${MAIL_LIMITS.bytesRead / 1024} KiB`);
    expect(row('Mail transcript in the report')).toBe(
      `${MAIL_LIMITS.transcriptLines} server lines`,
    );
    expect(row('Tenant-scan pages')).toBe(
      `${MAX_TENANT_PAGES} (of ${TENANT_PAGE_SIZE} applications)`,
    );
    expect(row('Other paged Graph reads')).toBe(`${MAX_PAGES} pages`);
    expect(row('Server text per report field')).toBe(`${MAX_FIELD_CHARS} characters`);
    expect(row("A check's details")).toBe(`${MAX_DETAILS_CHARS} characters`);
    expect(row('`expires_in` of a token')).toBe(
      `1 second to ${MAX_TOKEN_LIFETIME_SECONDS} (a year)`,
    );
  });
});
