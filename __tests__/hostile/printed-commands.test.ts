// A compromised Graph steers no administrator: the display name, the service principal's object
// id and a grant id it sends reach the printed PowerShell and az commands as inert literals or
// as a placeholder, through the setup assistant (against the sandbox) and the permissions check.
import { afterEach, describe, expect, it } from '@jest/globals';
import { emptyRegistrationTenant } from '../../sandbox/assistant-tenant.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { healthyTenant, SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID } from '../../sandbox/tenant.js';
import { EXCHANGE_APP_ID } from '../../sandbox/permission-ids.js';
import { neverAdded } from '../../sandbox/graph/permission-faults.js';
import { buildPlan, type AssistantOptions } from '../../src/assistant/plan.js';
import type { TenantRead } from '../../src/assistant/read-tenant.js';
import { UNEXPECTED_ID } from '../../src/text/command-values.js';
import { appOnlyRoutes } from '../../src/mailbox/exchange-setup.js';
import { runAssistantCli, withSandbox } from '../assistant/assistant-run.js';
import { permissionsResult, runEngine } from '../permissions/engine-run.js';

const EVIL_NAME = 'x"; $(Remove-Item -Recurse ~); "';
const EVIL_ID = "a'; rm -rf ~; '";
const APP_ONLY = [
  'setup',
  '--tenant-id',
  SANDBOX_TENANT_ID,
  '--client-id',
  SANDBOX_CLIENT_ID,
  '--username',
  'alice@contoso.example',
  '--grant',
  'client-credentials',
];

describe('setup assistant: hostile Graph values', () => {
  it.each([
    [EVIL_NAME, `-DisplayName 'EXO x"; $(Remove-Item -Recurse ~); "'`],
    ["O’Brien's app", `-DisplayName 'EXO O’’Brien''s app'`],
    ['Mail connector', `-DisplayName 'EXO Mail connector'`],
  ])('display name %s is a single-quoted literal', async (name, printed) => {
    const tenant = emptyRegistrationTenant();
    tenant.app.displayName = name;
    await withSandbox(tenant, async (sandbox) => {
      const run = await runAssistantCli(sandbox, APP_ONLY);
      expect(run.stdout).toContain(
        `New-ServicePrincipal -AppId ${SANDBOX_CLIENT_ID} -ObjectId <service principal object id, known once it exists> ${printed}`,
      );
      expect(run.stdout).toContain(`Add-MailboxPermission -Identity 'alice@contoso.example'`);
      expect(run.stdout).not.toContain(`"EXO`);
    });
  });

  it('a service principal id with a shell quote is not taken from the sandbox: the steps cannot tell', async () => {
    const tenant = emptyRegistrationTenant();
    tenant.servicePrincipalMissing = false;
    tenant.app.servicePrincipalId = EVIL_ID;
    await withSandbox(tenant, async (sandbox) => {
      const run = await runAssistantCli(sandbox, APP_ONLY);
      expect(run.stdout + run.stderr).not.toContain('rm -rf');
      expect(run.stdout).toMatch(/\? Service principal \(Enterprise application\): cannot tell/);
      expect(run.stdout).toContain('-ObjectId <service principal object id, known once it exists>');
    });
  });

  it('ids with other characters than an id has are not printed, and the step says so', () => {
    const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const sp = (id: string, appId: string) => ({
      state: 'found' as const,
      value: { id, appId, displayName: 'r', appRoles: [], oauth2PermissionScopes: [] },
    });
    const read = {
      application: {
        state: 'found',
        value: {
          id: guid(1),
          appId: SANDBOX_CLIENT_ID,
          displayName: EVIL_NAME,
          requiredResourceAccess: [],
          passwordCredentials: [{ keyId: guid(9), endDateTime: '2999-01-01T00:00:00Z' }],
          keyCredentials: [],
        },
      },
      servicePrincipal: sp(EVIL_ID, SANDBOX_CLIENT_ID),
      appRoleAssignments: { state: 'found', value: [] },
      permissionGrants: {
        state: 'found',
        value: [
          {
            id: EVIL_ID,
            clientId: EVIL_ID,
            consentType: 'AllPrincipals',
            resourceId: guid(3),
            scope: "x' ; $(Remove-Item ~)",
          },
        ],
      },
      federatedCredentials: { state: 'found', value: [] },
      resources: {
        graph: sp(guid(3), '00000003-0000-0000-c000-000000000000'),
        exchange: sp(guid(4), EXCHANGE_APP_ID),
      },
    } as unknown as TenantRead;
    const options: AssistantOptions = {
      tenantId: SANDBOX_TENANT_ID,
      clientId: SANDBOX_CLIENT_ID,
      grant: 'password',
      activities: ['read'],
      readProtocol: 'imap',
      permissionsProfile: 'flow',
      extraPermissions: [],
      clientAuth: 'secret',
      mailbox: "o'brien@contoso.example",
      federation: { repository: '', environment: '', branch: '', audience: '' },
      now: new Date('2026-11-30T00:00:00Z'),
      graphUrl: 'https://graph.microsoft.com/v1.0',
    };
    const plan = buildPlan(read, options);
    const printed = JSON.stringify(plan.steps.map((s) => [s.commands, s.exchange]));
    expect(printed).not.toContain('rm -rf');
    const grant = plan.steps.find((s) => s.id === 'consent-delegated')!;
    expect(grant.detail).toContain(
      'Microsoft Graph sent an id with characters an id does not have',
    );
    expect(grant.commands!.powershell).toEqual([
      `Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId ${UNEXPECTED_ID} -Scope 'x'' ; $(Remove-Item ~) IMAP.AccessAsUser.All offline_access'`,
    ]);
    expect(grant.commands!.az).toEqual([
      `az rest --method PATCH --uri 'https://graph.microsoft.com/v1.0/oauth2PermissionGrants/${UNEXPECTED_ID}' --body '{"scope":"x'\\'' ; $(Remove-Item ~) IMAP.AccessAsUser.All offline_access"}'`,
    ]);
    const cas = plan.steps.find((s) => s.id === 'exchange-protocols')!;
    expect(cas.exchange![0]).toBe(
      `Set-CASMailbox -Identity 'o''brien@contoso.example' -ImapEnabled $true`,
    );
  });
});

describe('permissions check: hostile service principal id', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('the service principal is not taken (Graph boundary); the routes ask for its object id; a quote in the mailbox is a literal', async () => {
    const tenant = healthyTenant();
    neverAdded(tenant, EXCHANGE_APP_ID, 'SMTP.SendAsApp', 'application');
    tenant.app.servicePrincipalId = EVIL_ID;
    sandbox = await startSandbox({ tenant });
    const run = await runEngine(sandbox, {
      grant: 'client-credentials',
      password: '',
      activities: 'send',
      username: "o'brien@contoso.example",
    });
    const result = permissionsResult(run);
    const fix = result.remediation ?? '';
    expect(fix + (result.details ?? '')).not.toContain('rm -rf');
    expect(result.details).toContain(
      'Microsoft Graph answered the service principal with an unexpected shape',
    );
    // An answer that could not be read is not a refusal, and no permission would fix it.
    expect(result.details).toContain(
      "Microsoft Graph's answer for the app's service principal could not be read",
    );
    expect(result.details).not.toMatch(/refused to show the app's service principal/);
    const asked = '<object ID from Entra ID → Enterprise applications → your app>';
    expect(fix).toContain(`New-ServicePrincipal -AppId ${SANDBOX_CLIENT_ID} -ObjectId ${asked}`);
    expect(fix).toContain(
      `Add-MailboxPermission -Identity 'o''brien@contoso.example' -User ${asked} -AccessRights FullAccess`,
    );
    expect(fix).toContain(
      `New-ManagementScope -Name 'mail-preflight o''brien@contoso.example' -RecipientRestrictionFilter "PrimarySmtpAddress -eq '<mailbox address>'"`,
    );
    expect(fix).toContain(
      `Test-ServicePrincipalAuthorization -Identity ${asked} -Resource 'o''brien@contoso.example'`,
    );
  });

  it('past the boundary, the fix text itself shows a placeholder for such an id and says why', () => {
    const ids = {
      clientId: SANDBOX_CLIENT_ID,
      servicePrincipalObjectId: EVIL_ID,
      mailbox: 'alice@contoso.example',
    };
    const fix = appOnlyRoutes(ids, 'smtp', 'SMTP.SendAsApp');
    expect(fix).not.toContain('rm -rf');
    expect(fix).toContain(
      `New-ServicePrincipal -AppId ${SANDBOX_CLIENT_ID} -ObjectId ${UNEXPECTED_ID}`,
    );
    expect(fix).toContain(
      `Add-MailboxPermission -Identity alice@contoso.example -User ${UNEXPECTED_ID} -AccessRights FullAccess`,
    );
    expect(fix).toContain(
      `New-ManagementScope -Name 'mail-preflight alice@contoso.example' -RecipientRestrictionFilter "PrimarySmtpAddress -eq 'alice@contoso.example'"`,
    );
    expect(fix).toContain('Microsoft Graph sent an id with characters an id does not have');
    // A normal id prints as it is, and no note.
    const normal = appOnlyRoutes(
      { ...ids, servicePrincipalObjectId: 'b1d2c3b4-0000-4000-8000-00000000b001' },
      'smtp',
      'SMTP.SendAsApp',
    );
    expect(normal).toContain('-ObjectId b1d2c3b4-0000-4000-8000-00000000b001');
    expect(normal).not.toContain('Microsoft Graph sent an id');
  });
});
