// A result's summary is one line whatever the server put in it. The action prints passed and
// skipped results as plain log lines, so a line break from an Entra (or Graph, or mail server)
// answer followed by `::` would otherwise reach the runner as a workflow command of the server's
// choosing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { runActionChecked } from '../helpers/checked-run.js';
import { runEngine } from '../helpers/engine-run.js';

const INJECTED = '::warning title=injected::from the token endpoint';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  // Both tokens refused with an error field that carries a line break and a command.
  sandbox.faults.add({
    kind: 'entra-error',
    code: 99999,
    spec: { status: 400, error: `invalid_request\n${INJECTED}`, text: 'Something.\r\nMore.' },
    times: 2,
    route: 'token',
  });
});

const inputs = { checks: 'token, secret-expiry', 'secret-expiry-scope': 'tenant' };

describe('summaries', () => {
  it('are one line in the report', async () => {
    const run = await runEngine(sandbox, inputs);
    const summaries = run.outcome.report.checks.map((check) => check.summary);
    expect(summaries.some((s) => s.includes(INJECTED))).toBe(true);
    for (const summary of summaries) expect(summary).not.toMatch(/[\r\n]/);
  });

  it('never start a workflow command in the action log', async () => {
    const run = await runActionChecked(sandboxInputs(sandbox, inputs), { sandbox });
    expect(run.stdout).toContain(INJECTED);
    expect(run.stdout.split(/\r?\n/).filter((line) => line.startsWith(INJECTED))).toEqual([]);
  });
});
