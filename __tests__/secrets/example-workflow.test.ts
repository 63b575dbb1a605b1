// The scheduled workflow in examples/ is valid YAML, uses only inputs and outputs the action
// declares, and is the one the README shows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  if?: string;
}
interface Workflow {
  on: { schedule: { cron: string }[] };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const exampleText = readFileSync('examples/scheduled-secret-expiry.yml', 'utf8');
const example = parse(exampleText) as Workflow;
const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

describe('examples/scheduled-secret-expiry.yml', () => {
  const steps = Object.values(example.jobs)[0]!.steps;
  const preflight = steps.find((s) => s.id === 'preflight')!;

  it('runs on a cron schedule with only the secret-expiry check and no password', () => {
    expect(example.on.schedule[0]!.cron.split(' ')).toHaveLength(5);
    expect(preflight.with).toMatchObject({ checks: 'secret-expiry' });
    expect(preflight.with).not.toHaveProperty('password');
    expect(example.permissions).toEqual({ contents: 'read', issues: 'write' });
  });

  it('uses only declared inputs and outputs', () => {
    for (const input of Object.keys(preflight.with!)) expect(action.inputs).toHaveProperty([input]);
    const used = [...exampleText.matchAll(/steps\.preflight\.outputs\.([a-z-]+)/g)].map(
      (m) => m[1]!,
    );
    expect(used.length).toBeGreaterThan(0);
    for (const output of used) expect(action.outputs).toHaveProperty([output]);
  });

  it('uploads the report and acts on result even when the step failed', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toMatch(/^always\(\)/);
    expect(upload.with!.path).toBe('${{ steps.preflight.outputs.report-path }}');
    const issue = steps.find((s) => s.env?.GH_TOKEN)!;
    expect(issue.if).toBe("always() && steps.preflight.outputs.result != 'pass'");
  });

  it('is the workflow the README shows', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(
      readme.indexOf('<!-- section:secret-expiry (secrets) -->'),
      readme.indexOf('<!-- /section:secret-expiry -->'),
    );
    const block = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    expect(parse(block)).toEqual(example);
  });
});
