// Every catalogued AADSTS code, produced by the sandbox's token endpoint over real HTTP, ends in
// a token check that names the code, its cause and the setup step that fixes it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ENTRA_ERRORS } from '../../sandbox/entra-errors.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { SANDBOX_PASSWORD, SANDBOX_SECRET } from '../../sandbox/tenant.js';
import { AADSTS_CATALOGUE, AADSTS_ENTRIES } from '../../src/identity/aadsts-catalogue.js';
import { runEngine, tokenCheckOf } from './sandbox-run.js';

// The codes of this flow in https://learn.microsoft.com/entra/identity-platform/reference-error-codes
// that the catalogue must explain, at least.
const REQUIRED = [
  50126, 50034, 50053, 50055, 50056, 50057, 50076, 50079, 50158, 53003, 530035, 65001, 65004,
  700016, 7000215, 7000222, 7000218, 700025, 90002, 900023, 90014, 900144, 9002313, 9001023, 50059,
  50128, 500011, 70011, 28000, 700022, 70000, 700082, 50173, 70043, 50020, 50105, 700024, 1002016,
  50196, 90055, 7000112, 70001, 50144,
  // Codes users hit (issue 10): Conditional Access variants, device, first-party client, scope,
  // subscription, national cloud, MFA, account.
  53000, 53001, 53002, 53004, 530032, 50131, 50097, 65002, 1002012, 650052, 650057, 65005, 90072,
  90038, 50072, 50074, 50135, 50064, 51004, 70002,
];
const MFA_CODES = [50076, 50079, 50158];

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());

describe('the AADSTS catalogue', () => {
  it('covers every code of this flow that Microsoft documents', () => {
    expect(REQUIRED.filter((code) => !AADSTS_CATALOGUE.has(code))).toEqual([]);
  });

  it('gives every entry a cause, a setup step and a fix', () => {
    for (const entry of AADSTS_ENTRIES) {
      expect(entry.cause.length).toBeGreaterThan(10);
      expect(entry.step).toMatch(/step|input|network/);
      expect(entry.fix.length).toBeGreaterThan(20);
    }
  });

  it.each(MFA_CODES)('AADSTS%i says ROPC cannot pass MFA and what to do instead', (code) => {
    expect(AADSTS_CATALOGUE.get(code)!.fix).toContain(
      'ROPC cannot pass MFA; exclude this account with Conditional Access or use grant: client-credentials',
    );
  });
});

describe.each([...AADSTS_CATALOGUE.keys()].sort((a, b) => a - b))(
  'AADSTS%i from the token endpoint',
  (code) => {
    // Throttling (HTTP 429) is retried: answer it on every attempt so the run ends with it.
    const throttled = ENTRA_ERRORS[code]!.status === 429;
    it('is diagnosed with its code, cause and setup step', async () => {
      sandbox.faults.add({ kind: 'entra-error', code, times: throttled ? 99 : 1, route: 'token' });
      const before = sandbox.requests.length;
      const run = await runEngine(sandbox);
      const entry = AADSTS_CATALOGUE.get(code)!;
      const check = tokenCheckOf(run)!;
      expect(check).toMatchObject({ status: 'fail', code: `AADSTS${code}` });
      expect(check.summary).toContain(entry.cause);
      expect(check.remediation).toContain(entry.step);
      expect(check.remediation).toContain(entry.fix);
      // Microsoft's own words, its status and the IDs a support case needs.
      expect(check.details).toContain(`HTTP ${ENTRA_ERRORS[code]!.status}`);
      expect(check.details).toMatch(/Trace ID: [0-9a-f-]{36}\nCorrelation ID: [0-9a-f-]{36}/);
      expect(run.outcome.report.result).toBe('fail');
      // An Entra refusal is an answer, not a fault: sent once. Throttling is retried to the limit.
      expect(sandbox.requests.length - before).toBe(throttled ? 4 : 1);
      const text = JSON.stringify(run.outcome.report);
      expect(text).not.toContain(SANDBOX_PASSWORD);
      expect(text).not.toContain(SANDBOX_SECRET);
    });
  },
);
