// Every kind of refused input, through the engine against a live sandbox tenant: the report
// fails with an `inputs` check that names the input and says why, and not one request reaches
// the sandbox (the token URL is never built from a value that was refused). Issue 2: "a test per
// refused input (with the assertion that no request was made)".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runPreflight } from '../../src/preflight.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const valid = () => ({
  'tenant-id': SANDBOX_TENANT_ID,
  'client-id': SANDBOX_CLIENT_ID,
  'client-secret': SANDBOX_SECRET,
  username: SANDBOX_USER,
  password: SANDBOX_PASSWORD,
  checks: 'permissions, token, secret-expiry',
  endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
});

// [input, value, what the refusal must say]
const REFUSALS: [string, string, RegExp][] = [
  ['tenant-id', 'common', /'common' is a multi-tenant alias/],
  ['tenant-id', 'organizations', /'organizations' is a multi-tenant alias/],
  ['tenant-id', 'consumers', /'consumers' is a multi-tenant alias/],
  ['tenant-id', 'contoso.com/v2.0', /not allowed in a tenant id/],
  ['tenant-id', 'contoso\\evil', /not allowed in a tenant id/],
  ['tenant-id', 'contoso.com?x=1', /not allowed in a tenant id/],
  ['tenant-id', 'contoso.com#frag', /not allowed in a tenant id/],
  ['tenant-id', '%2e%2e', /not allowed in a tenant id/],
  ['tenant-id', '..', /not allowed in a tenant id/],
  ['tenant-id', 'not-a-guid', /neither a GUID nor a domain/],
  ['tenant-id', '', /is required/],
  ['client-id', 'my-app', /'my-app' is not a GUID/],
  ['client-id', '', /is required/],
  ['grant', 'device-code', /'device-code' is not one of/],
  ['password', '', /is required with grant: password/],
  ['username', 'alice', /'alice' is not a user principal name/],
  ['cloud', 'mars', /'mars' is not one of/],
  ['endpoints', 'authority=http://login.example.com', /only for loopback/],
  ['endpoints', 'imap=outlook.office365.com', /imap: /],
  ['timeout-seconds', 'soon', /'soon' must be a whole number/],
  ['activities', 'read, delete', /unknown value\(s\) 'delete'/],
  ['extra-permissions', 'Mail.Send', /is not of the form resource:Permission \(type\)/],
];

describe('refused inputs, through the engine, against a live sandbox', () => {
  it.each(REFUSALS)(
    '%s %p: a failed inputs check naming it, and no request',
    async (input, value, why) => {
      const before = sandbox.requests.length;
      const raw = { ...valid(), grant: input === 'password' ? 'password' : 'auto', [input]: value };
      const outcome = await runPreflight(parseSettings(raw), {
        log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
        registerSecret: () => undefined,
        now: () => new Date(),
      });
      const { report } = outcome;
      expect(report.result).toBe('fail');
      expect(report.checks).toHaveLength(1);
      const [inputs] = report.checks;
      expect(inputs).toMatchObject({ id: 'inputs', status: 'fail' });
      expect(inputs!.summary.startsWith(`input '${input}' `)).toBe(true);
      expect(inputs!.summary).toMatch(why);
      expect(inputs!.remediation).toContain('no request was made');
      expect(report.token).toBeNull();
      expect(outcome.token).toBeUndefined();
      expect(sandbox.requests.length).toBe(before);
    },
  );

  it('names every refused input, not only the first', async () => {
    const outcome = await runPreflight(
      parseSettings({ ...valid(), 'tenant-id': 'common', 'client-id': 'my-app' }),
      {
        log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
        registerSecret: () => undefined,
        now: () => new Date(),
      },
    );
    const details = outcome.report.checks[0]!.details ?? '';
    expect(details).toMatch(/^tenant-id: /m);
    expect(details).toMatch(/^client-id: /m);
  });
});
