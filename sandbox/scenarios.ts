// Named setups of the sandbox tenant, each a mistake people make in the connector's setup.
// `npm start -- --scenario NAME` runs the preflight against one and shows its diagnosis.
import type { FaultPlan } from './faults.js';
import { GRAPH_APP_ID, GRAPH_ROLES } from './permission-ids.js';
import type { SandboxTenant } from './tenant.js';

export interface Scenario {
  name: string;
  description: string;
  /** Inputs the preflight should use instead of the sandbox defaults (e.g. a wrong password). */
  inputs?: Record<string, string>;
  apply?(tenant: SandboxTenant, faults: FaultPlan): void;
}

export const SCENARIOS: Scenario[] = [
  { name: 'healthy', description: 'Everything set up as the connector needs it.' },
  {
    name: 'wrong-password',
    description: 'The password secret is wrong (AADSTS50126).',
    inputs: { password: 'not the password' },
  },
  {
    name: 'secret-id-instead-of-value',
    description: "The secret's ID was pasted instead of its value (AADSTS7000215).",
    inputs: { 'client-secret': 'c0ffee00-1111-4222-8333-444455556666' },
  },
  {
    name: 'mfa-required',
    description: 'Conditional Access requires MFA for the mailbox account (AADSTS50076).',
    apply: (tenant) => {
      for (const user of tenant.users) user.blockedWith = 50076;
    },
  },
  {
    name: 'no-admin-consent',
    description: 'The delegated mail permissions were added but never consented (AADSTS65001).',
    apply: (tenant) => {
      tenant.delegatedGrants = [];
    },
  },
  {
    name: 'secret-expired',
    description: 'The client secret has expired (AADSTS7000222).',
    apply: (tenant) => {
      for (const secret of tenant.app.secrets)
        secret.endDateTime = new Date(Date.now() - 86_400_000).toISOString();
    },
  },
  {
    name: 'throttled',
    description:
      'The token endpoint throttles once (429 with Retry-After: 1); the run waits and succeeds.',
    apply: (_tenant, faults) =>
      faults.add({ kind: 'status', status: 429, retryAfterSeconds: 1, times: 1, route: 'token' }),
  },
  {
    name: 'secret-expiring-soon',
    description:
      'The client secret in use expires in 5 days (secret-expiry fails with the default failure-days 7).',
    inputs: { checks: 'secret-expiry' },
    apply: (tenant) => {
      for (const secret of tenant.app.secrets)
        secret.endDateTime = new Date(Date.now() + 5.5 * 86_400_000).toISOString();
    },
  },
  {
    name: 'secret-never-expires',
    description: 'An old "never expires" secret (end date 2299-12-31) is the one in use.',
    inputs: { checks: 'secret-expiry' },
    apply: (tenant) => {
      for (const secret of tenant.app.secrets) secret.endDateTime = '2299-12-31T23:59:59Z';
    },
  },
  {
    name: 'tenant-expiring-credentials',
    description:
      'secret-expiry-scope: tenant over 2,500 apps (3 pages), some with credentials expiring soon.',
    inputs: { checks: 'secret-expiry', 'secret-expiry-scope': 'tenant' },
    apply: (tenant) => {
      grantApplicationReadAll(tenant);
      tenant.otherApps = {
        count: 2500,
        epochMs: Date.now(),
        secretDays: [400, 200, 25, 90, 300, -3, 500, 150, 700, 5],
        certificateDays: [null, null, null, 60, null, null, null, 12],
      };
    },
  },
  {
    name: 'tenant-scope-without-permission',
    description:
      'secret-expiry-scope: tenant, but the app lacks Application.Read.All (Graph answers 403).',
    inputs: { checks: 'secret-expiry', 'secret-expiry-scope': 'tenant' },
  },
];

/** Admin consent for Graph Application.Read.All: the tenant scan may list every application. */
export function grantApplicationReadAll(tenant: SandboxTenant): void {
  tenant.appRoleAssignments.push({
    resourceAppId: GRAPH_APP_ID,
    appRoleId: GRAPH_ROLES['Application.Read.All']!,
  });
}

export const findScenario = (name: string): Scenario | undefined =>
  SCENARIOS.find((s) => s.name === name);
