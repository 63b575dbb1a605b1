// `m365-mail-preflight setup`: the plan against sandbox tenants in three states lists exactly the
// missing steps with the sandbox's IDs; --apply makes exactly those writes (read from the
// sandbox's request log), a second --apply makes none, and the preflight then passes every
// Entra-side check. A write the administrator may not make stops the apply, naming the
// permission and the roles, and nothing after it is sent.
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/main.js';
import {
  ROLE,
  SANDBOX_ADMIN,
  completeTenant,
  emptyRegistrationTenant,
  partlyConfiguredTenant,
} from '../../sandbox/assistant-tenant.js';
import { EXCHANGE_ROLES, GRAPH_ROLES, GRAPH_SCOPES } from '../../sandbox/permission-ids.js';
import type { Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { FakeTerminal, cliIo } from '../cli/cli-io.js';
import { FAST_RETRIES } from '../helpers/engine-run.js';
import { graphWrites, leaksIn, runAssistantCli, withSandbox } from './assistant-run.js';

const BASE = [
  'setup',
  '--tenant-id',
  SANDBOX_TENANT_ID,
  '--client-id',
  SANDBOX_CLIENT_ID,
  '--username',
  SANDBOX_USER,
];
const APP_ONLY = [...BASE, '--grant', 'client-credentials'];
const DELEGATED_FEDERATED = [
  ...BASE,
  '--grant',
  'password',
  '--client-auth',
  'federated',
  '--repository',
  'contoso/mail-jobs',
  '--environment',
  'production',
];

interface JsonPlan {
  plan: {
    applicationObjectId: string;
    servicePrincipalId?: string;
    steps: {
      id: string;
      status: string;
      commands?: Record<string, unknown>;
      exchange?: string[];
    }[];
  };
  applied?: {
    results: { status: number; ok: boolean }[];
    refusal?: { reason: string; fix: string };
    notSent: unknown[];
  };
}
const parse = (stdout: string) => JSON.parse(stdout) as JsonPlan;
const missingIds = (p: JsonPlan) =>
  p.plan.steps.filter((s) => s.status === 'missing').map((s) => s.id);

/** The preflight's Entra-side checks (no mailbox): exit status and each check's status. */
async function preflight(sandbox: Sandbox, grant: 'password' | 'client-credentials') {
  const { io, stdout } = cliIo({
    M365_CLIENT_SECRET: SANDBOX_SECRET,
    ...(grant === 'password' ? { M365_PASSWORD: SANDBOX_PASSWORD } : {}),
  });
  const code = await runCli(
    [
      '--tenant-id',
      SANDBOX_TENANT_ID,
      '--client-id',
      SANDBOX_CLIENT_ID,
      '--username',
      SANDBOX_USER,
      '--grant',
      grant,
      '--checks',
      'permissions, token, secret-expiry',
      '--json',
      '--endpoints',
      `authority=${sandbox.url}\ngraph=${sandbox.url}`,
    ],
    { ...io, retryPolicy: FAST_RETRIES },
  );
  const report = JSON.parse(stdout.text) as { checks: { id: string; status: string }[] };
  return { code, checks: Object.fromEntries(report.checks.map((c) => [c.id, c.status])) };
}

describe('setup: the plan', () => {
  it('an empty registration: every Entra step is missing, with the sandbox IDs filled in', async () => {
    const tenant = emptyRegistrationTenant();
    await withSandbox(tenant, async (sandbox) => {
      const run = await runAssistantCli(sandbox, APP_ONLY);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/✓ App registration: done/);
      expect(run.stdout).toMatch(/✗ Service principal \(Enterprise application\): missing/);
      expect(run.stdout).toContain(`az ad sp create --id ${SANDBOX_CLIENT_ID}`);
      expect(run.stdout).toContain(`Update-MgApplication -ApplicationId ${tenant.app.objectId}`);
      expect(run.stdout).toContain(
        `az ad app permission add --id ${SANDBOX_CLIENT_ID} --api 00000002-0000-0ff1-ce00-000000000000`,
      );
      expect(run.stdout).toContain(`${EXCHANGE_ROLES['IMAP.AccessAsApp']}=Role`);
      expect(run.stdout).toContain(
        `-ResourceId ${tenant.resourceServicePrincipalIds['00000002-0000-0ff1-ce00-000000000000']}`,
      );
      // Exchange steps: always "cannot tell", as Exchange Online PowerShell.
      expect(run.stdout).toContain(
        `? Exchange Online: register the service principal: cannot tell`,
      );
      expect(run.stdout).toContain(`Add-MailboxPermission -Identity '${SANDBOX_USER}'`);
      expect(run.stdout).toContain('Summary: 3 missing (4 Graph writes with --apply)');
      expect(sandbox.requests.filter((r) => r.route === 'graph' && r.method !== 'GET')).toEqual([]);
      const json = parse((await runAssistantCli(sandbox, [...APP_ONLY, '--json'])).stdout);
      expect(missingIds(json)).toEqual([
        'service-principal',
        'api-permissions',
        'consent-application',
      ]);
      expect(leaksIn(sandbox, run.stdout + run.stderr)).toEqual([]);
    });
  });

  it('partly configured: only what is missing, with the existing grant id and the object ids', async () => {
    const tenant = partlyConfiguredTenant();
    await withSandbox(tenant, async (sandbox) => {
      const json = parse(
        (await runAssistantCli(sandbox, [...DELEGATED_FEDERATED, '--json'])).stdout,
      );
      expect(missingIds(json)).toEqual(['api-permissions', 'consent-delegated', 'credential']);
      expect(json.plan.servicePrincipalId).toBe(tenant.app.servicePrincipalId);
      const text = (await runAssistantCli(sandbox, DELEGATED_FEDERATED)).stdout;
      expect(text).toContain(`missing: Microsoft Graph SMTP.Send (delegated)`);
      expect(text).toContain(
        `PATCH https://graph.microsoft.com/v1.0/oauth2PermissionGrants/grant-0-${tenant.app.servicePrincipalId.slice(0, 8)}`,
      );
      expect(text).toContain(
        `New-MgApplicationFederatedIdentityCredential -ApplicationId ${tenant.app.objectId}`,
      );
      expect(text).toContain(`repo:contoso/mail-jobs:environment:production`);
      // Delegated grant: no Exchange service principal or mailbox permission steps.
      expect(text).not.toContain('New-ServicePrincipal');
      expect(text).toContain(
        `Set-CASMailbox -Identity '${SANDBOX_USER}' -ImapEnabled $true -SmtpClientAuthenticationDisabled $false`,
      );
    });
  });

  it('complete: nothing missing, exit 0', async () => {
    await withSandbox(completeTenant(), async (sandbox) => {
      const run = await runAssistantCli(sandbox, APP_ONLY);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Summary: 0 missing (0 Graph writes with --apply)');
      expect(run.stdout).not.toContain('✗');
    });
  });
});

describe('setup --apply', () => {
  it('empty registration: exactly the planned writes, then none, then the preflight passes', async () => {
    const tenant = emptyRegistrationTenant();
    const spId = tenant.app.servicePrincipalId;
    const exo = tenant.resourceServicePrincipalIds['00000002-0000-0ff1-ce00-000000000000'];
    await withSandbox(tenant, async (sandbox) => {
      // Before: the preflight does not pass the registration's permissions (exchange-authorization
      // auto makes a missing Exchange app role a warning until a mailbox login fails).
      expect((await preflight(sandbox, 'client-credentials')).checks.permissions).not.toBe('pass');
      const first = await runAssistantCli(sandbox, [...APP_ONLY, '--apply', '--yes']);
      expect(first.code).toBe(0);
      expect(graphWrites(sandbox)).toEqual([
        { method: 'POST', path: '/servicePrincipals', body: { appId: SANDBOX_CLIENT_ID } },
        {
          method: 'PATCH',
          path: `/applications/${tenant.app.objectId}`,
          body: {
            requiredResourceAccess: [
              {
                resourceAppId: '00000002-0000-0ff1-ce00-000000000000',
                resourceAccess: [
                  { id: EXCHANGE_ROLES['IMAP.AccessAsApp'], type: 'Role' },
                  { id: EXCHANGE_ROLES['SMTP.SendAsApp'], type: 'Role' },
                ],
              },
            ],
          },
        },
        {
          method: 'POST',
          path: `/servicePrincipals/${spId}/appRoleAssignments`,
          body: {
            principalId: spId,
            resourceId: exo,
            appRoleId: EXCHANGE_ROLES['IMAP.AccessAsApp'],
          },
        },
        {
          method: 'POST',
          path: `/servicePrincipals/${spId}/appRoleAssignments`,
          body: { principalId: spId, resourceId: exo, appRoleId: EXCHANGE_ROLES['SMTP.SendAsApp'] },
        },
      ]);
      expect(first.stdout).toContain('✓ POST /v1.0/servicePrincipals → HTTP 201 created');
      expect(first.stdout).toContain(
        `✓ PATCH /v1.0/applications/${tenant.app.objectId} → HTTP 204 No Content`,
      );

      const before = graphWrites(sandbox).length;
      const second = await runAssistantCli(sandbox, [...APP_ONLY, '--apply', '--yes']);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('Nothing to apply');
      expect(graphWrites(sandbox).length).toBe(before);

      const after = await preflight(sandbox, 'client-credentials');
      expect(after.checks).toEqual({
        inputs: 'pass',
        permissions: 'pass',
        token: 'pass',
        'secret-expiry': 'pass',
      });
      expect(after.code).toBe(0);
      expect(leaksIn(sandbox, first.stdout + first.stderr + second.stdout + second.stderr)).toEqual(
        [],
      );
    });
  });

  it('partly configured: only the missing additions (existing grant kept), then none, then the preflight passes', async () => {
    const tenant = partlyConfiguredTenant();
    const graphSp = tenant.resourceServicePrincipalIds['00000003-0000-0000-c000-000000000000'];
    await withSandbox(tenant, async (sandbox) => {
      expect((await preflight(sandbox, 'password')).code).toBe(1);
      const first = await runAssistantCli(sandbox, [
        ...DELEGATED_FEDERATED,
        '--apply',
        '--yes',
        '--json',
      ]);
      expect(first.code).toBe(0);
      const writes = graphWrites(sandbox);
      expect(writes).toEqual([
        {
          method: 'PATCH',
          path: `/applications/${tenant.app.objectId}`,
          body: {
            requiredResourceAccess: [
              {
                resourceAppId: '00000003-0000-0000-c000-000000000000',
                resourceAccess: [
                  { id: GRAPH_SCOPES['IMAP.AccessAsUser.All'], type: 'Scope' },
                  { id: GRAPH_SCOPES['offline_access'], type: 'Scope' },
                  { id: GRAPH_SCOPES['SMTP.Send'], type: 'Scope' },
                ],
              },
              // The Exchange entry the registration had stays as it was.
              {
                resourceAppId: '00000002-0000-0ff1-ce00-000000000000',
                resourceAccess: [{ id: EXCHANGE_ROLES['IMAP.AccessAsApp'], type: 'Role' }],
              },
            ],
          },
        },
        {
          method: 'PATCH',
          path: `/oauth2PermissionGrants/grant-0-${tenant.app.servicePrincipalId.slice(0, 8)}`,
          body: { scope: 'IMAP.AccessAsUser.All SMTP.Send offline_access' },
        },
        {
          method: 'POST',
          path: `/applications/${tenant.app.objectId}/federatedIdentityCredentials`,
          body: {
            name: 'github-contoso-mail-jobs-production',
            issuer: 'https://token.actions.githubusercontent.com',
            subject: 'repo:contoso/mail-jobs:environment:production',
            audiences: ['api://AzureADTokenExchange'],
            description: 'Added by m365-mail-preflight setup',
          },
        },
      ]);
      expect(graphSp).toBeDefined();
      expect(parse(first.stdout).applied?.results.map((r) => r.status)).toEqual([204, 204, 201]);

      const second = await runAssistantCli(sandbox, [...DELEGATED_FEDERATED, '--apply', '--yes']);
      expect(second.stdout).toContain('Nothing to apply');
      expect(graphWrites(sandbox)).toHaveLength(3);

      const after = await preflight(sandbox, 'password');
      expect(after.checks).toEqual({
        inputs: 'pass',
        permissions: 'pass',
        token: 'pass',
        'secret-expiry': 'pass',
      });
      expect(after.code).toBe(0);
    });
  });

  it('complete: --apply makes no write', async () => {
    await withSandbox(completeTenant(), async (sandbox) => {
      const run = await runAssistantCli(sandbox, [...APP_ONLY, '--apply', '--yes']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Nothing to apply');
      expect(graphWrites(sandbox)).toEqual([]);
    });
  });

  it('an administrator without an accepted role: the first write is refused, the permission named, nothing else sent', async () => {
    const tenant = emptyRegistrationTenant();
    tenant.admins = [{ upn: SANDBOX_ADMIN, roles: [ROLE.reader] }];
    const rraBefore = structuredClone(tenant.app.requiredResourceAccess);
    await withSandbox(tenant, async (sandbox) => {
      const run = await runAssistantCli(sandbox, [...APP_ONLY, '--apply', '--yes']);
      expect(run.code).toBe(1);
      expect(graphWrites(sandbox)).toEqual([
        { method: 'POST', path: '/servicePrincipals', body: { appId: SANDBOX_CLIENT_ID } },
      ]);
      expect(run.stdout).toContain('HTTP 403 Authorization_RequestDenied');
      expect(run.stdout).toContain('Application.ReadWrite.All');
      expect(run.stdout).toContain('Application Administrator, Cloud Application Administrator');
      expect(run.stdout).toContain('Not sent (3)');
      expect(tenant.servicePrincipalMissing).toBe(true);
      expect(tenant.app.requiredResourceAccess).toEqual(rraBefore);
    });
  });

  it('a Cloud Application Administrator may not grant Microsoft Graph app roles: stops there, Privileged Role Administrator named', async () => {
    const tenant = emptyRegistrationTenant();
    tenant.admins = [{ upn: SANDBOX_ADMIN, roles: [ROLE.cloudApp] }];
    await withSandbox(tenant, async (sandbox) => {
      const run = await runAssistantCli(sandbox, [
        ...APP_ONLY,
        '--permissions-profile',
        'email-connector',
        '--apply',
        '--yes',
        '--json',
      ]);
      expect(run.code).toBe(1);
      const out = parse(run.stdout);
      const writes = graphWrites(sandbox);
      const refused = writes.at(-1)!;
      expect(refused.path).toBe(
        `/servicePrincipals/${tenant.app.servicePrincipalId}/appRoleAssignments`,
      );
      expect(refused.body).toMatchObject({ appRoleId: GRAPH_ROLES['Mail.Send'] });
      expect(out.applied?.results.at(-1)).toMatchObject({ status: 403, ok: false });
      expect(out.applied?.refusal?.reason).toContain('Privileged Role Administrator');
      expect(out.applied?.refusal?.reason).toContain('AppRoleAssignment.ReadWrite.All');
      expect(out.applied?.notSent.length).toBeGreaterThan(0);
      // Only the Exchange app role went through before it; no Graph role was granted.
      expect(tenant.appRoleAssignments.map((a) => a.appRoleId)).toEqual([
        EXCHANGE_ROLES['IMAP.AccessAsApp'],
      ]);
    });
  });

  it('asks before writing; without a terminal and without --yes nothing is written', async () => {
    await withSandbox(emptyRegistrationTenant(), async (sandbox) => {
      const run = await runAssistantCli(sandbox, [...APP_ONLY, '--apply']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('pass --yes');
      expect(graphWrites(sandbox)).toEqual([]);
    });
  });
});

describe('setup: signing the administrator in', () => {
  it('takes a Graph token from the Azure CLI when asked, and never prints it', async () => {
    const tenant = emptyRegistrationTenant();
    await withSandbox(tenant, async (sandbox) => {
      const payload = Buffer.from(
        JSON.stringify({
          aud: 'https://graph.microsoft.com',
          upn: SANDBOX_ADMIN,
          scp: 'Application.ReadWrite.All AppRoleAssignment.ReadWrite.All DelegatedPermissionGrant.ReadWrite.All',
        }),
      ).toString('base64url');
      const token = `eyJhbGciOiJub25lIn0.${payload}.c2ln`;
      const calls: string[][] = [];
      const run = await runAssistantCli(
        sandbox,
        [...APP_ONLY, '--admin-sign-in', 'azure-cli', '--apply', '--yes'],
        {
          az: (args) => {
            calls.push(args);
            return Promise.resolve(`${token}\n`);
          },
        },
      );
      expect(calls).toEqual([
        [
          'account',
          'get-access-token',
          '--resource',
          'https://graph.microsoft.com',
          '--query',
          'accessToken',
          '--output',
          'tsv',
        ],
      ]);
      expect(run.code).toBe(0);
      expect(sandbox.requests.filter((r) => r.route === 'devicecode')).toEqual([]);
      expect(graphWrites(sandbox)).toHaveLength(4);
      expect(run.stdout + run.stderr).not.toContain(payload);
    });
  });

  it('an administrator sign-in blocked by Conditional Access: no Graph request, the way out named', async () => {
    const tenant = emptyRegistrationTenant();
    tenant.deviceCode = { steps: [53003] };
    await withSandbox(tenant, async (sandbox) => {
      const run = await runAssistantCli(sandbox, APP_ONLY);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('AADSTS53003');
      expect(run.stderr).toContain('--admin-sign-in azure-cli');
      expect(sandbox.requests.filter((r) => r.route === 'graph')).toEqual([]);
    });
  });

  it('asks on a terminal: "yes" applies, anything else writes nothing', async () => {
    for (const [typed, writes] of [
      ['no\r', 0],
      ['yes\r', 4],
    ] as const) {
      await withSandbox(emptyRegistrationTenant(), async (sandbox) => {
        const run = await runAssistantCli(sandbox, [...APP_ONLY, '--apply'], {
          stdin: new FakeTerminal([typed]),
        });
        expect(run.stderr).toContain('Make these writes? Type yes to go on:');
        expect(graphWrites(sandbox)).toHaveLength(writes);
        expect(run.code).toBe(writes ? 0 : 1);
      });
    }
  });
});

describe('setup: reading the tenant', () => {
  it('follows every page of the grants: a tenant paged one item at a time is still complete', async () => {
    const tenant = completeTenant();
    tenant.graphPageSize = 1;
    await withSandbox(tenant, async (sandbox) => {
      const run = await runAssistantCli(sandbox, [
        ...APP_ONLY,
        '--permissions-profile',
        'email-connector',
      ]);
      expect(run.stdout).toContain('Summary: 0 missing');
      expect(
        sandbox.requests.filter(
          (r) => r.path.includes('%24skiptoken') || r.path.includes('$skiptoken'),
        ).length,
      ).toBeGreaterThan(0);
    });
  });

  it('--federated-subject is used verbatim for ID-based or customised subjects', async () => {
    await withSandbox(partlyConfiguredTenant(), async (sandbox) => {
      const subject = 'repo:contoso@1234/mail-jobs@5678:environment:production';
      const run = await runAssistantCli(sandbox, [
        ...DELEGATED_FEDERATED,
        '--federated-subject',
        subject,
        '--apply',
        '--yes',
      ]);
      expect(run.code).toBe(0);
      expect(graphWrites(sandbox).at(-1)?.body).toMatchObject({ subject });
    });
  });
});
