// What a workflow run shows, through dist/index.js run as a runner runs it against the sandbox:
// the job summary, the annotations with titles, the `result` output, `fail-on`, and the JSON
// report (validated against the contract's schema).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { reportSchema } from '../../src/report/report-schema.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { SANDBOX_PASSWORD, SANDBOX_SECRET, healthyTenant } from '../../sandbox/tenant.js';
import { findLeaks } from '../helpers/leak-check.js';
import { runAction } from '../helpers/run-action.js';

/** Shaped like a GUID, so the inputs check warns (a secret ID instead of its value?). */
const GUID_SHAPED_SECRET = 'c0ffee00-aaaa-4bbb-8ccc-ddddeeeeffff';

let sandbox: Sandbox;
beforeAll(async () => {
  const tenant = healthyTenant();
  tenant.app.secrets.push({ ...tenant.app.secrets[0]!, keyId: 'k2', value: GUID_SHAPED_SECRET });
  sandbox = await startSandbox({ tenant });
});
afterAll(() => sandbox.close());

const inputs = (extra: Record<string, string> = {}) => sandboxInputs(sandbox, extra);

const annotations = (stdout: string) =>
  stdout.split('\n').filter((l) => /^::(error|warning)/.test(l));

describe('publishing a run (dist/index.js)', () => {
  it('shows a failure as a titled annotation, a summary with the fix, result fail, exit 1', async () => {
    const run = await runAction(inputs({ password: 'not the password' }));
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(annotations(run.stdout)).toEqual([
      expect.stringMatching(/^::error title=Access token failed \(AADSTS50126\)::.*%0AFix: /),
    ]);
    expect(run.summary).toContain('<h2>❌ Microsoft 365 mail preflight: fail</h2>');
    expect(run.summary).toMatch(
      /<td>Access token<\/td><td>❌&nbsp;failed<br><code>AADSTS50126<\/code>/,
    );
    expect(run.summary).toContain('<pre>Microsoft said (HTTP 400, invalid_grant)');
    const report = reportSchema.parse(run.report);
    expect(report.result).toBe('fail');
    expect(findLeaks(run, [SANDBOX_SECRET, SANDBOX_PASSWORD, 'not the password'])).toEqual([]);
  });

  it('passes a warning with fail-on: error (exit 0, result warn), and fails it with fail-on: warning', async () => {
    const warn = await runAction(inputs({ 'client-secret': GUID_SHAPED_SECRET }));
    expect(warn.code).toBe(0);
    expect(warn.outputs.result).toBe('warn');
    expect(annotations(warn.stdout)).toEqual([
      expect.stringMatching(/^::warning title=Inputs%3A warning::client-secret looks like a GUID/),
    ]);
    expect(warn.summary).toContain('<h2>⚠️ Microsoft 365 mail preflight: warn</h2>');
    expect(reportSchema.parse(warn.report).result).toBe('warn');

    const strict = await runAction(
      inputs({ 'client-secret': GUID_SHAPED_SECRET, 'fail-on': 'warning' }),
    );
    expect(strict.code).toBe(1);
    expect(strict.outputs.result).toBe('warn');
  });

  it('writes a schema-valid report and a summary without a Fix column on a pass', async () => {
    const run = await runAction(inputs());
    expect(run.code).toBe(0);
    expect(annotations(run.stdout)).toEqual([]);
    expect(reportSchema.parse(run.report).checks.map((c) => c.id)).toEqual(['inputs', 'token']);
    expect(run.summary).toContain('<th>Summary</th></tr>');
    expect(run.summary).not.toContain('<th>Fix</th>');
  });
});
