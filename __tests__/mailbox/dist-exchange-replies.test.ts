// Exchange's real replies (__tests__/fixtures/real-replies.json) replayed by scripted loopback
// servers against the built dist/index.js, run as a runner runs it: generic refusals list ranked
// causes, each 5.7.139 variant gets its own meaning, a transient POP reply warns; and against the
// sandbox and real Postfix: an app-only send authorized by Exchange RBAC for Applications (no
// SMTP.SendAsApp in Entra) passes, and "Allow public client flows" with a working secret is a note.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { runActionChecked } from '../helpers/checked-run.js';
import {
  mailPeersUnavailable,
  startSandboxMailPeers,
  type MailPeers,
} from '../helpers/mail-peers.js';
import {
  startExchangeServers,
  type ExchangeScript,
  type ExchangeServers,
} from './exchange-servers.js';
import { selfSignedCert } from './fake-server.js';

type Check = {
  id: string;
  status: string;
  summary: string;
  details?: string;
  remediation?: string;
  code?: string;
  tables?: { headers: string[]; rows: string[][] }[];
};

const key = generateSigningKey('dist-exchange-kid');
let cert: { key: string; cert: string };
let caFile: string;
let sandbox: Sandbox;
let servers: ExchangeServers | undefined;

beforeAll(async () => {
  cert = selfSignedCert();
  caFile = join(mkdtempSync(join(tmpdir(), 'm365-dist-exchange-ca-')), 'ca.pem');
  writeFileSync(caFile, cert.cert);
  sandbox = await startSandbox({ key });
}, 30_000);
afterAll(() => sandbox?.close());
afterEach(async () => {
  await servers?.close();
  servers = undefined;
});

async function runAgainst(script: ExchangeScript, more: Record<string, string> = {}) {
  servers = await startExchangeServers(cert, script);
  const at = (s: { endpoint: { host: string; port: number } }) =>
    `${s.endpoint.host}:${s.endpoint.port}`;
  const run = await runActionChecked(
    {
      'tenant-id': SANDBOX_TENANT_ID,
      'client-id': SANDBOX_CLIENT_ID,
      'client-secret': SANDBOX_SECRET,
      username: SANDBOX_USER,
      password: SANDBOX_PASSWORD,
      checks: 'token, mailbox',
      endpoints: [
        `authority=${sandbox.url}`,
        `graph=${sandbox.url}`,
        `imap=${at(servers.imap)}`,
        `pop=${at(servers.pop)}`,
        `smtp=${at(servers.smtp)}`,
      ].join('\n'),
      ...more,
    },
    { env: { NODE_EXTRA_CA_CERTS: caFile }, sandbox },
  );
  const checks = run.report!.checks as Check[];
  const byId = (id: string) => checks.find((c) => c.id === id)!;
  return { run, byId };
}

describe('dist/: generic refusals list the plausible causes, ranked, with their checks', () => {
  it('IMAP NO AUTHENTICATE failed. and SMTP 535 5.7.3', async () => {
    const { run, byId } = await runAgainst({
      imapAuth: 'NO AUTHENTICATE failed.',
      smtpAuth: '535 5.7.3 Authentication unsuccessful [SN4PR0501CA0054.namprd05.prod.outlook.com]',
    });
    expect(run.code).toBe(1);
    const imap = byId('mailbox-imap');
    expect(imap).toMatchObject({ status: 'fail', code: 'NO' });
    expect(imap.summary).toMatch(
      /: most likely IMAP is turned off for alice@contoso\.example \(a generic refusal: \d+ possible causes in the details\)$/,
    );
    expect(imap.details).toContain(
      'IMAP answered "a1 NO AUTHENTICATE failed.": Exchange gives this reply for any failed login over IMAP; it names no cause.',
    );
    // The sandbox's token is for Exchange, valid, with the scope and the mailbox's own upn.
    expect(imap.details).toMatch(
      /Ruled out: a token for another resource .*; an expired token .*; a missing IMAP\.AccessAsUser\.All consent .*; a token for a different account \(its upn is alice@contoso\.example\)\./,
    );
    expect(imap.remediation).toContain(
      'check: Get-CASMailbox -Identity alice@contoso.example | fl ImapEnabled,PopEnabled,SmtpClientAuthenticationDisabled',
    );
    expect(imap.remediation).toContain(
      'fix: Set-CASMailbox -Identity alice@contoso.example -ImapEnabled $true',
    );
    const smtp = byId('mailbox-smtp');
    expect(smtp).toMatchObject({ status: 'fail', code: '535 5.7.3' });
    expect(smtp.details).toMatch(/\(1\) .*; \(2\) /);
    expect(smtp.details).toContain(
      'SMTP AUTH is turned off for alice@contoso.example (less likely: Exchange usually answers 5.7.139 for that)',
    );
    expect(smtp.details).toMatch(/fault on Microsoft's side/);
  });

  it('POP -ERR Authentication failure, app-only: both Exchange routes with the IDs', async () => {
    const { byId } = await runAgainst(
      { popAuth: '-ERR Authentication failure: unknown user name or bad password.' },
      { grant: 'client-credentials', password: '', 'read-protocol': 'pop', activities: 'read' },
    );
    const pop = byId('mailbox-pop');
    expect(pop).toMatchObject({ status: 'fail', code: '-ERR' });
    const sp = sandbox.tenant.app.servicePrincipalId;
    expect(pop.remediation).toContain(
      `check: Get-ServicePrincipal -Identity ${SANDBOX_CLIENT_ID} | fl AppId,ObjectId`,
    );
    expect(pop.remediation).toContain(
      `fix: New-ServicePrincipal -AppId ${SANDBOX_CLIENT_ID} -ObjectId ${sp}`,
    );
    expect(pop.remediation).toContain(
      `check: Get-MailboxPermission -Identity ${SANDBOX_USER} -User ${sp}`,
    );
    expect(pop.details).toMatch(
      /Ruled out: .*a missing POP\.AccessAsApp app role \(the token's roles carry it\)/,
    );
  });
});

describe('dist/: each 5.7.139 reply gets its own meaning and fix, and nothing else', () => {
  it.each([
    [
      'SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
      /turned off for the whole tenant/,
      'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
    ],
    [
      'SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
      /turned off for this mailbox/,
      'Set-CASMailbox -Identity alice@contoso.example -SmtpClientAuthenticationDisabled $false',
    ],
    [
      "user is locked by your organization's security defaults policy.",
      /Security defaults in the tenant block SMTP AUTH/,
      'Manage security defaults',
    ],
    [
      'basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]',
      /Basic authentication \(a username and password\) is refused/,
      'Log in with XOAUTH2',
    ],
    [
      'the request did not meet the criteria to be authenticated successfully.',
      /Microsoft does not document this text/,
      'Sign-in logs',
    ],
  ])('535 5.7.139 … %s', async (text, meaning, fix) => {
    const reply = `535 5.7.139 Authentication unsuccessful, ${text}`;
    const { run, byId } = await runAgainst({ smtpAuth: reply }, { activities: 'send' });
    expect(run.code).toBe(1);
    const smtp = byId('mailbox-smtp');
    expect(smtp).toMatchObject({ status: 'fail', code: '535 5.7.139' });
    expect(`${smtp.summary}\n${smtp.details}`).toMatch(meaning);
    expect(smtp.details).toContain(`Server reply: ${reply}`);
    expect(smtp.remediation).toContain(fix);
    expect(`${smtp.details}\n${smtp.remediation}`).not.toMatch(/likely causes|Get-EXOMailbox/);
  });
});

describe('dist/: a transient reply from Microsoft warns, never fails the setup', () => {
  it('POP -ERR Server Unavailable. 21 after the login', async () => {
    const { run, byId } = await runAgainst(
      { popStat: '-ERR Server Unavailable. 21' },
      { 'read-protocol': 'pop', activities: 'read' },
    );
    expect(run.code).toBe(0);
    expect(run.report!.result).toBe('warn');
    const pop = byId('mailbox-pop');
    expect(pop).toMatchObject({ status: 'warn', code: '-ERR' });
    expect(pop.summary).toMatch(/A fault on Microsoft's side/);
    expect(pop.remediation).toMatch(/^Run the preflight again/);
    expect(run.stdout).not.toMatch(/PopEnabled/);
  });
});

describe('dist/: public client flows', () => {
  it('"Allow public client flows" on, with a Web redirect URI and a working secret: no failure', async () => {
    const pcSandbox = await startSandbox({ key, scenario: 'public-client-flows-on-web-redirect' });
    try {
      const run = await runActionChecked(
        {
          'tenant-id': SANDBOX_TENANT_ID,
          'client-id': SANDBOX_CLIENT_ID,
          'client-secret': SANDBOX_SECRET,
          username: SANDBOX_USER,
          password: SANDBOX_PASSWORD,
          checks: 'permissions, token',
          endpoints: [`authority=${pcSandbox.url}`, `graph=${pcSandbox.url}`].join('\n'),
        },
        { sandbox: pcSandbox },
      );
      expect(run.code).toBe(0);
      expect(run.report!.result).toBe('pass');
      const permissions = (run.report!.checks as Check[]).find((c) => c.id === 'permissions')!;
      expect(permissions.status).toBe('pass');
      expect(permissions.details).toMatch(/"Allow public client flows" is on\. .*harmless here\./);
      expect(run.stdout).not.toMatch(/::error/);
    } finally {
      await pcSandbox.close();
    }
  });
});

const unavailable = mailPeersUnavailable();
(unavailable ? describe.skip : describe)(
  `dist/: Exchange RBAC for Applications against the sandbox and real Postfix${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let peers: MailPeers;
    let rbacSandbox: Sandbox;
    let peersCa: string;
    beforeAll(async () => {
      rbacSandbox = await startSandbox({ key, scenario: 'rbac-send' });
      peers = await startSandboxMailPeers(key, 'https://outlook.office365.com');
      peersCa = join(mkdtempSync(join(tmpdir(), 'm365-dist-rbac-ca-')), 'ca.pem');
      writeFileSync(peersCa, peers.ca);
    }, 30_000);
    afterAll(async () => {
      await rbacSandbox?.close();
      await peers?.stop();
    }, 30_000);

    it('an app-only send with no SMTP.SendAsApp in Entra: the login works, so permissions pass', async () => {
      const run = await runActionChecked(
        {
          'tenant-id': SANDBOX_TENANT_ID,
          'client-id': SANDBOX_CLIENT_ID,
          'client-secret': SANDBOX_SECRET,
          username: SANDBOX_USER,
          grant: 'client-credentials',
          activities: 'send',
          checks: 'permissions, token, mailbox',
          endpoints: [
            `authority=${rbacSandbox.url}`,
            `graph=${rbacSandbox.url}`,
            `smtp=${peers.smtp.host}:${peers.smtp.port}`,
          ].join('\n'),
        },
        { env: { NODE_EXTRA_CA_CERTS: peersCa }, sandbox: rbacSandbox },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const checks = run.report!.checks as Check[];
      expect(checks.map((c) => [c.id, c.status])).toEqual([
        ['inputs', 'pass'],
        ['token', 'pass'],
        ['permissions', 'pass'],
        ['mailbox-smtp', 'pass'],
      ]);
      const permissions = checks.find((c) => c.id === 'permissions')!;
      expect(permissions.summary).toBe(
        'exchange:SMTP.SendAsApp (application) not granted in Entra but authorized by Exchange (RBAC for Applications or mailbox permission) (the app-only login worked); 0 of 1 granted in Entra',
      );
      expect(permissions.details).toContain(
        'exchange:SMTP.SendAsApp (application): authorized by Exchange (RBAC for Applications or mailbox permission): not granted in Entra, but the app-only SMTP login worked',
      );
      expect(run.outputs['missing-permissions']).toBe('');
    });
  },
);
