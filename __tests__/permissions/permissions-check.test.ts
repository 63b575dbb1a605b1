// The permissions check through the engine against the sandbox tenant over HTTP: each permission
// present, missing in each way, grant reads refused, the traps that break mail though present.
import { afterEach, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { healthyTenant, type ResourceAppId, type SandboxTenant } from '../../sandbox/tenant.js';
import {
  EXCHANGE_APP_ID,
  EXCHANGE_ROLES,
  GRAPH_APP_ID,
  GRAPH_ROLES,
} from '../../sandbox/permission-ids.js';
import { neverAdded, unconfigure, unconsent } from '../../sandbox/graph/permission-faults.js';
import { findScenario } from '../../sandbox/scenarios.js';
import { permissionsResult, runEngine, tableOf } from './engine-run.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(change?: (tenant: SandboxTenant) => void, scenario?: string) {
  const tenant = healthyTenant();
  change?.(tenant);
  sandbox = await startSandbox({ tenant, scenario });
  return sandbox;
}

const CC = { grant: 'client-credentials', password: '' };
const ENTRA = { ...CC, 'exchange-authorization': 'entra' };

describe('all permissions present', () => {
  it.each([
    ['password, read (imap) + send', {}, ['IMAP.AccessAsUser.All', 'SMTP.Send', 'offline_access']],
    [
      'password, read (pop)',
      { activities: 'read', 'read-protocol': 'pop' },
      ['POP.AccessAsUser.All', 'offline_access'],
    ],
    ['client-credentials, read + send', CC, ['IMAP.AccessAsApp', 'SMTP.SendAsApp']],
    [
      'client-credentials, pop',
      { ...CC, 'read-protocol': 'pop' },
      ['POP.AccessAsApp', 'SMTP.SendAsApp'],
    ],
  ])(
    'flow profile, %s: passes with every row configured, consented, in the token',
    async (_n, inputs, names) => {
      const sb = await start();
      const run = await runEngine(sb, inputs);
      const result = permissionsResult(run);
      expect(result.status).toBe('pass');
      expect(run.outcome.missingPermissions).toEqual([]);
      const table = tableOf(run);
      expect(Object.keys(table).map((k) => k.replace(/ \(.*$/, ''))).toEqual(names);
      for (const row of Object.values(table))
        expect(row).toMatchObject({
          Configured: 'yes',
          Consented: 'yes',
          'In token': 'yes',
          Verdict: 'pass',
        });
    },
  );

  it('email-connector profile requires the whole setup page list, and passes on a full tenant', async () => {
    const sb = await start();
    const run = await runEngine(sb, { 'permissions-profile': 'email-connector' });
    expect(permissionsResult(run).status).toBe('pass');
    expect(Object.keys(tableOf(run)).sort()).toEqual(
      [
        'IMAP.AccessAsApp (application)',
        'Mail.Send (application)',
        'User.Read.All (application)',
        'offline_access (delegated)',
        'IMAP.AccessAsUser.All (delegated)',
        'User.Read (delegated)',
        'SMTP.Send (delegated)',
      ].sort(),
    );
    // Graph app roles are checked against the Graph token's roles.
    expect(tableOf(run)['Mail.Send (application)']!['In token']).toBe('yes');
  });

  it('reports granted-but-not-required permissions as a note, never a failure', async () => {
    const sb = await start();
    const run = await runEngine(sb);
    const result = permissionsResult(run);
    expect(result.status).toBe('pass');
    expect(result.details).toMatch(
      /Also granted, not required \(a note, not a failure\):.*graph:Mail\.Send \(application\)/,
    );
  });
});

type Way = 'not-consented' | 'not-configured';
const DELEGATED: [string, ResourceAppId][] = [
  ['IMAP.AccessAsUser.All', GRAPH_APP_ID],
  ['SMTP.Send', GRAPH_APP_ID],
  ['offline_access', GRAPH_APP_ID],
];
const APPLICATION: [string, ResourceAppId][] = [
  ['IMAP.AccessAsApp', EXCHANGE_APP_ID],
  ['SMTP.SendAsApp', EXCHANGE_APP_ID],
];

describe('each required permission missing in turn', () => {
  const cases: [Way, string, ResourceAppId, 'delegated' | 'application'][] = [];
  for (const way of ['not-consented', 'not-configured'] as Way[]) {
    for (const [name, res] of DELEGATED) cases.push([way, name, res, 'delegated']);
    for (const [name, res] of APPLICATION) cases.push([way, name, res, 'application']);
  }
  it.each(cases)('%s: %s', async (way, name, resource, kind) => {
    const sb = await start((t) =>
      way === 'not-consented'
        ? unconsent(t, resource, name, kind)
        : neverAdded(t, resource, name, kind),
    );
    // exchange-authorization: entra, the Entra app roles are what authorizes the app (auto and
    // rbac are below).
    const run = await runEngine(sb, kind === 'application' ? ENTRA : {});
    const result = permissionsResult(run);
    const prefix = resource === GRAPH_APP_ID ? 'graph' : 'exchange';
    const formatted = `${prefix}:${name} (${kind})`;
    expect(result.status).toBe('fail');
    expect(run.outcome.missingPermissions).toEqual([formatted]);
    expect(result.summary).toContain(
      `${formatted} ${way === 'not-consented' ? 'not consented' : 'not configured'}`,
    );
    const row = tableOf(run)[`${name} (${kind})`]!;
    expect(row.Configured).toBe(way === 'not-consented' ? 'yes' : 'no');
    expect(row.Consented).toBe('no');
    // The fix names the portal path, the app ID, the permission and the consent step.
    expect(result.remediation).toContain(
      'Entra ID → App registrations → Mail connector (sandbox) (app ID 3b8e6f0a-2c4d-4e9b-9a1f-6d7c5b4a3e21) → API permissions',
    );
    expect(result.remediation).toMatch(
      /Grant admin consent for <your organisation> \(tenant 7f3c1a52-[^)]+\), covering .*\b/,
    );
    expect(result.remediation).toContain(name);
    if (way === 'not-configured') {
      const api =
        prefix === 'graph'
          ? 'Microsoft Graph'
          : 'APIs my organization uses → Office 365 Exchange Online';
      const type = kind === 'delegated' ? 'Delegated permissions' : 'Application permissions';
      expect(result.remediation).toContain(`Add a permission → ${api} → ${type} → ${name}`);
    }
    // Every other row still passes.
    for (const [key, other] of Object.entries(tableOf(run)))
      if (key !== `${name} (${kind})`) expect(other.Verdict).toBe('pass');
  });

  it('consented but absent from the token (delegated): the scope input leaves it out', async () => {
    const sb = await start();
    const run = await runEngine(sb, findScenario('smtp-not-requested')!.inputs);
    const result = permissionsResult(run);
    expect(result.status).toBe('fail');
    expect(run.outcome.missingPermissions).toEqual(['graph:SMTP.Send (delegated)']);
    expect(tableOf(run)['SMTP.Send (delegated)']).toMatchObject({
      Configured: 'yes',
      Consented: 'yes',
      'In token': 'no',
      Verdict: 'fail: not in the token',
    });
    expect(result.remediation).toContain(
      'request `https://outlook.office.com/SMTP.Send` in `scope`',
    );
  });

  it('consented but absent from the token (application): the role has not reached tokens', async () => {
    const sb = await start(undefined, 'imap-app-role-lag');
    const run = await runEngine(sb, ENTRA);
    expect(run.outcome.missingPermissions).toEqual(['exchange:IMAP.AccessAsApp (application)']);
    expect(tableOf(run)['IMAP.AccessAsApp (application)']).toMatchObject({
      Consented: 'yes',
      'In token': 'no',
    });
    expect(permissionsResult(run).remediation).toMatch(/can take minutes to reach tokens/);
  });

  it('consented but taken off the registration is a warning, not a missing permission', async () => {
    const sb = await start((t) => unconfigure(t, GRAPH_APP_ID, 'SMTP.Send', 'delegated'));
    const run = await runEngine(sb);
    // Consent without the registration entry works today; it is a warning, not a missing permission.
    expect(run.outcome.missingPermissions).toEqual([]);
    expect(permissionsResult(run).status).toBe('warn');
    expect(tableOf(run)['SMTP.Send (delegated)']!.Verdict).toBe(
      'warn: granted but not on the registration',
    );
  });
});

describe('grant reads refused (403 Authorization_RequestDenied)', () => {
  it('judges from the token claims and names the permission that would show more', async () => {
    const sb = await start(undefined, 'grant-reads-denied');
    const run = await runEngine(sb);
    const result = permissionsResult(run);
    expect(result.status).toBe('pass');
    expect(result.summary).toMatch(/judged from the token/);
    for (const row of Object.values(tableOf(run)))
      // The application itself is a self-read: configured is still known.
      expect(row).toMatchObject({
        Configured: 'yes',
        Consented: 'unknown',
        'In token': 'yes',
        Verdict: 'pass',
      });
    expect(result.details).toMatch(
      /refused to show appRoleAssignments.*Authorization_RequestDenied.*Application\.Read\.All/,
    );
    expect(result.details).toMatch(/oauth2PermissionGrants/);
    expect(result.details).toMatch(/built-in table/);
    // Nothing to fix: the advice about reading grants stays in the details.
    expect(result.remediation).toBeUndefined();
  });

  it('still fails a permission the token lacks', async () => {
    const sb = await start((t) => {
      t.grantReadsDenied = true;
      unconsent(t, EXCHANGE_APP_ID, 'SMTP.SendAsApp', 'application');
    });
    const run = await runEngine(sb, ENTRA);
    expect(run.outcome.missingPermissions).toEqual(['exchange:SMTP.SendAsApp (application)']);
    expect(tableOf(run)['SMTP.SendAsApp (application)']).toMatchObject({
      Configured: 'yes',
      Consented: 'unknown',
      'In token': 'no',
    });
    expect(permissionsResult(run).remediation).toMatch(
      /Application\.Read\.All \(appRoleAssignments\) and Directory\.Read\.All \(oauth2PermissionGrants\)/,
    );
  });

  it('without a client secret (public client, ROPC) judges from the token alone and says what it could not tell', async () => {
    const sb = await start((t) => {
      t.app.isFallbackPublicClient = true;
    });
    const run = await runEngine(sb, { 'client-secret': '' });
    const result = permissionsResult(run);
    expect(sb.requests.filter((r) => r.route === 'graph')).toEqual([]);
    expect(result.status).toBe('pass');
    expect(result.details).toMatch(
      /no client secret, certificate or federated token was given.*configured or consented could not be told; judged from the token alone/,
    );
    for (const row of Object.values(tableOf(run)))
      expect(row).toMatchObject({ Configured: 'unknown', Consented: 'unknown', 'In token': 'yes' });
  });
});

describe('wrong though present', () => {
  it('"Allow public client flows" with no redirect URI: Entra answered AADSTS700025, the flag is named', async () => {
    const sb = await start(undefined, 'public-client-flows-on');
    const run = await runEngine(sb);
    const result = permissionsResult(run);
    expect(result.status).toBe('fail');
    expect(result.code).toBe('AADSTS700025');
    expect(result.summary).toMatch(
      /refused the client secret \(AADSTS700025\): "Allow public client flows" is on and there is no Web redirect URI, so Entra fell back to it/,
    );
    expect(result.remediation).toMatch(
      /Authentication → Advanced settings → "Allow public client flows": set it to No/,
    );
    // With the app-only grant the token works: the flag is a note, not a failure.
    const cc = await runEngine(sb, CC);
    expect(permissionsResult(cc).status).toBe('pass');
    expect(permissionsResult(cc).details).toMatch(
      /"Allow public client flows" is on\. Entra uses it only when it cannot tell the client type .* harmless here\./,
    );
  });

  it('"Allow public client flows" with a Web redirect URI: the secret works, a note only', async () => {
    const sb = await start(undefined, 'public-client-flows-on-web-redirect');
    const run = await runEngine(sb);
    const result = permissionsResult(run);
    expect(result.status).toBe('pass');
    expect(result.code).toBeUndefined();
    expect(result.details).toMatch(/harmless here/);
    expect(run.outcome.report.checks.find((c) => c.id === 'token')).toBeUndefined();
  });

  it('redirect URIs only under "Mobile and desktop applications": that platform is named as the fix', async () => {
    const sb = await start((t) => {
      t.app.publicClientRedirectUris = ['http://localhost'];
    });
    const run = await runEngine(sb);
    const result = permissionsResult(run);
    expect(result).toMatchObject({ status: 'fail', code: 'AADSTS700025' });
    expect(result.summary).toContain(
      'its redirect URIs are registered under "Mobile and desktop applications" (http://localhost) and none under Web',
    );
    expect(result.remediation).toContain('register the redirect URI under the Web platform');
  });

  it('delegated mail permissions configured under Exchange Online count', async () => {
    const sb = await start(undefined, 'delegated-under-exchange');
    const run = await runEngine(sb);
    expect(permissionsResult(run).status).toBe('pass');
    const table = tableOf(run);
    expect(table['IMAP.AccessAsUser.All (delegated)']).toMatchObject({
      Resource: 'Office 365 Exchange Online',
      Configured: 'yes',
      Consented: 'yes',
      Verdict: 'pass',
    });
    expect(table['SMTP.Send (delegated)']!.Resource).toBe('Office 365 Exchange Online');
  });

  it('Graph Mail.Send is explained as not being SMTP permission', async () => {
    const sb = await start(undefined, 'mail-send-instead-of-smtp');
    const run = await runEngine(sb);
    expect(run.outcome.missingPermissions).toEqual(['graph:SMTP.Send (delegated)']);
    expect(permissionsResult(run).details).toMatch(
      /Microsoft Graph Mail\.Send is on the registration, but it does not allow SMTP/,
    );
  });

  it('says nothing of Mail.Send when SMTP.Send is on the registration but not consented', async () => {
    const sb = await start(undefined, 'smtp-not-consented');
    const run = await runEngine(sb);
    expect(run.outcome.missingPermissions).toEqual(['graph:SMTP.Send (delegated)']);
    expect(permissionsResult(run).details).toMatch(/SMTP\.Send/);
    expect(permissionsResult(run).details).not.toMatch(/Mail\.Send is on the registration/);
  });

  it('a mail token whose audience is Graph', async () => {
    const sb = await start();
    const run = await runEngine(sb, findScenario('graph-audience-token')!.inputs);
    const result = permissionsResult(run);
    expect(result.status).toBe('fail');
    expect(result.details).toMatch(/mail token's audience is Microsoft Graph/);
    expect(result.remediation).toMatch(/https:\/\/outlook\.office\.com\/IMAP\.AccessAsUser\.All/);
  });

  it('.default mixed with other scopes', async () => {
    const sb = await start();
    const run = await runEngine(sb, {
      scope: 'https://outlook.office.com/.default https://outlook.office.com/SMTP.Send',
    });
    const result = permissionsResult(run);
    expect(result.status).toBe('fail');
    expect(result.details).toMatch(
      /mixes https:\/\/outlook\.office\.com\/\.default with other scopes/,
    );
  });

  it('an extra permission that the resource does not have is named as such', async () => {
    const sb = await start();
    const run = await runEngine(sb, { 'extra-permissions': 'graph:Mail.Sendd (application)' });
    expect(run.outcome.missingPermissions).toEqual(['graph:Mail.Sendd (application)']);
    expect(permissionsResult(run).remediation).toMatch(
      /Microsoft Graph has no application permission named Mail\.Sendd/,
    );
  });

  it('extra-permissions are required on top of the flow', async () => {
    const sb = await start((t) => unconsent(t, GRAPH_APP_ID, 'User.Read.All', 'application'));
    const run = await runEngine(sb, {
      'extra-permissions': 'graph:User.Read.All (application)\ngraph:User.Read (delegated)',
    });
    expect(run.outcome.missingPermissions).toEqual(['graph:User.Read.All (application)']);
    expect(tableOf(run)['User.Read (delegated)']!.Verdict).toBe('pass');
  });
});

describe('ids are matched with their resource', () => {
  it("Exchange Online's Mail.Send (same id as Graph's) does not stand in for Graph Mail.Send", async () => {
    const sb = await start((t) => {
      neverAdded(t, GRAPH_APP_ID, 'Mail.Send', 'application');
      const id = EXCHANGE_ROLES['Mail.Send']!;
      expect(id).toBe(GRAPH_ROLES['Mail.Send']);
      t.app.requiredResourceAccess
        .find((r) => r.resourceAppId === EXCHANGE_APP_ID)!
        .resourceAccess.push({ id, type: 'Role' });
      t.appRoleAssignments.push({ resourceAppId: EXCHANGE_APP_ID, appRoleId: id });
    });
    const run = await runEngine(sb, { 'permissions-profile': 'email-connector' });
    expect(run.outcome.missingPermissions).toEqual(['graph:Mail.Send (application)']);
    expect(tableOf(run)['Mail.Send (application)']).toMatchObject({
      Configured: 'no',
      Consented: 'no',
    });
    expect(permissionsResult(run).details).toMatch(/exchange:Mail\.Send \(application\)/);
  });
});

describe('email-connector profile', () => {
  it('fills missing-permissions with every missing one, in the contract format', async () => {
    const sb = await start((t) => {
      neverAdded(t, GRAPH_APP_ID, 'Mail.Send', 'application');
      unconsent(t, GRAPH_APP_ID, 'User.Read', 'delegated');
    });
    const run = await runEngine(sb, {
      'permissions-profile': 'email-connector',
      activities: 'read',
    });
    expect(run.outcome.missingPermissions).toEqual([
      'graph:Mail.Send (application)',
      'graph:User.Read (delegated)',
    ]);
    for (const m of run.outcome.missingPermissions)
      expect(m).toMatch(/^(graph|exchange):[A-Za-z][\w.]* \((delegated|application)\)$/);
  });
});

describe('exchange-authorization (app-only)', () => {
  const sendOnly = { ...CC, activities: 'send' };

  it('auto, no mailbox login to tell: a missing SMTP.SendAsApp warns and names both ways', async () => {
    const sb = await start((t) => neverAdded(t, EXCHANGE_APP_ID, 'SMTP.SendAsApp', 'application'));
    const run = await runEngine(sb, sendOnly);
    const result = permissionsResult(run);
    expect(result.status).toBe('warn');
    expect(run.outcome.missingPermissions).toEqual([]);
    expect(tableOf(run)['SMTP.SendAsApp (application)']!.Verdict).toBe(
      'warn: not granted in Entra, and no app-only login showed whether Exchange (RBAC for Applications or a mailbox permission) authorizes the app',
    );
    const sp = 'b1d2c3b4-0000-4000-8000-00000000b001';
    expect(result.remediation).toContain('Route A (Entra app role)');
    expect(result.remediation).toContain(
      `New-ServicePrincipal -AppId 3b8e6f0a-2c4d-4e9b-9a1f-6d7c5b4a3e21 -ObjectId ${sp}`,
    );
    expect(result.remediation).toContain(
      `Add-MailboxPermission -Identity alice@contoso.example -User ${sp} -AccessRights FullAccess`,
    );
    expect(result.remediation).toContain('Route B (Exchange RBAC for Applications');
    expect(result.remediation).toContain(
      `New-ManagementRoleAssignment -App ${sp} -Role "Application SMTP.SendAsApp" -CustomResourceScope`,
    );
    expect(result.remediation).toContain(
      `Test-ServicePrincipalAuthorization -Identity ${sp} -Resource alice@contoso.example`,
    );
  });

  it('auto for IMAP says Microsoft documents no RBAC role for it, and lets the login decide', async () => {
    const sb = await start((t) =>
      neverAdded(t, EXCHANGE_APP_ID, 'IMAP.AccessAsApp', 'application'),
    );
    const run = await runEngine(sb, { ...CC, activities: 'read' });
    expect(permissionsResult(run).status).toBe('warn');
    expect(permissionsResult(run).remediation).toContain(
      'Microsoft documents no Exchange RBAC role for IMAP',
    );
  });

  it('rbac: the Entra app roles are not required; holding them is noted as broader than needed', async () => {
    const sb = await start();
    const run = await runEngine(sb, { ...sendOnly, 'exchange-authorization': 'rbac' });
    const result = permissionsResult(run);
    expect(result.status).toBe('pass');
    expect(Object.keys(tableOf(run))).not.toContain('SMTP.SendAsApp (application)');
    expect(result.details).toMatch(
      /SMTP\.SendAsApp \(Office 365 Exchange Online, application\) is consented in Entra: with exchange-authorization: rbac that is broader than needed/,
    );
  });

  it('rbac without the Entra role: nothing missing, nothing noted', async () => {
    const sb = await start((t) => neverAdded(t, EXCHANGE_APP_ID, 'SMTP.SendAsApp', 'application'));
    const run = await runEngine(sb, { ...sendOnly, 'exchange-authorization': 'rbac' });
    expect(permissionsResult(run).status).toBe('pass');
    expect(permissionsResult(run).details).not.toMatch(/broader than needed/);
  });

  it('entra: a missing role fails as before', async () => {
    const sb = await start((t) => neverAdded(t, EXCHANGE_APP_ID, 'SMTP.SendAsApp', 'application'));
    const run = await runEngine(sb, { ...sendOnly, 'exchange-authorization': 'entra' });
    expect(permissionsResult(run).status).toBe('fail');
    expect(run.outcome.missingPermissions).toEqual(['exchange:SMTP.SendAsApp (application)']);
  });
});

describe('a Graph $batch item refused with 403 and an empty code', () => {
  it('still gets the Application.Read.All hint', async () => {
    const sb = await start((t) => {
      t.grantReadsDenied = true;
      t.emptyDeniedCode = true;
    });
    const run = await runEngine(sb);
    const result = permissionsResult(run);
    expect(result.details).toMatch(
      /Microsoft Graph refused to show appRoleAssignments \(granted application permissions\): Microsoft Graph answered HTTP 403 \("Insufficient privileges to complete the operation\."\)\. Application\.Read\.All/,
    );
  });
});
