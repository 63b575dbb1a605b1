// Diagnosis of Exchange Online replies that a local server cannot produce, with and without token
// claims: generic refusals ranked, specific replies with their meaning only, transient ones warned.
import { describe, expect, it } from '@jest/globals';
import {
  diagnoseMailOutcome,
  STEP_EXCHANGE_SP,
  type MailDiagnosisContext as DiagnosisContext,
  type TokenClaims,
} from '../../src/mailbox/diagnose.js';
import type { MailProtocol, ProbeOutcome, ProbeStage } from '../../src/mailbox/probe-types.js';
import { exchangeAudiences } from '../../src/identity/exchange-audiences.js';
import { CLOUD_ENDPOINTS } from '../../src/settings/clouds.js';
import { CLIENT_ID, MAILBOX, OUTLOOK_AUDIENCES, SP_OBJECT_ID } from './tokens.js';

const NOW = Date.UTC(2026, 10, 24, 6, 0, 0);
const LATER = NOW / 1000 + 3000;

function refused(
  protocol: MailProtocol,
  reply: string,
  code: string,
  stage: ProbeStage = 'authenticate',
): ProbeOutcome {
  return { protocol, ok: false, stage, reply, code, transcript: [], durationMs: 140 };
}

const app = (claims?: TokenClaims, sp: string | null = SP_OBJECT_ID): DiagnosisContext => ({
  grant: 'client-credentials',
  clientId: CLIENT_ID,
  mailbox: MAILBOX,
  ...(sp ? { servicePrincipalObjectId: sp } : {}),
  ...(claims ? { claims } : {}),
  expectedAudiences: OUTLOOK_AUDIENCES,
  now: NOW,
});
const user = (claims?: TokenClaims): DiagnosisContext => ({
  grant: 'password',
  clientId: CLIENT_ID,
  mailbox: MAILBOX,
  ...(claims ? { claims } : {}),
  expectedAudiences: OUTLOOK_AUDIENCES,
  now: NOW,
});
const APP_CLAIMS: TokenClaims = {
  aud: 'https://outlook.office365.com',
  roles: ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp'],
  exp: LATER,
  appid: CLIENT_ID,
};
const USER_CLAIMS: TokenClaims = {
  aud: 'https://outlook.office.com',
  scp: 'IMAP.AccessAsUser.All POP.AccessAsUser.All SMTP.Send',
  upn: MAILBOX,
  exp: LATER,
};
const NEW_SP = `New-ServicePrincipal -AppId ${CLIENT_ID} -ObjectId ${SP_OBJECT_ID}`;
const ADD_PERM = `Add-MailboxPermission -Identity ${MAILBOX} -User ${SP_OBJECT_ID} -AccessRights FullAccess`;
const GENERIC = [
  ['imap', 'a1 NO AUTHENTICATE failed.', 'NO'],
  ['pop', '-ERR Authentication failure: unknown user name or bad password.', '-ERR'],
  [
    'smtp',
    '535 5.7.3 Authentication unsuccessful [SN4PR0501CA0054.namprd05.prod.outlook.com]',
    '535 5.7.3',
  ],
] as const;

describe('a generic refusal with an app-only token: the causes, ranked, with their checks', () => {
  it.each(GENERIC)('%s: %s', (protocol, reply, code) => {
    const d = diagnoseMailOutcome(refused(protocol, reply, code), app(APP_CLAIMS));
    expect(d.summary).toContain(reply);
    expect(d.replyClass).toBe('generic');
    expect(d.cause).toContain(
      `answered "${reply}": Exchange gives this reply for any failed login`,
    );
    // The token carries the role, is for Exchange and valid: those causes are ruled out, with why.
    expect(d.ruledOut).toEqual([
      'a token for another resource (its aud https://outlook.office365.com is Exchange Online)',
      'an expired token (it is valid until 2026-11-24T06:50:00.000Z)',
      expect.stringMatching(/^a missing \S+ app role \(the token's roles carry it\)$/),
    ]);
    expect(d.causes![0]).toBe("the app's service principal is not registered in Exchange Online");
    expect(d.causes!.at(-1)).toMatch(/fault on Microsoft's side/);
    expect(d.remediation).toContain(
      `check: Get-ServicePrincipal -Identity ${CLIENT_ID} | fl AppId,ObjectId`,
    );
    expect(d.remediation).toContain(`fix: ${NEW_SP}`);
    expect(d.remediation).toContain(
      'Get-CASMailbox -Identity alice@contoso.example | fl ImapEnabled,PopEnabled,SmtpClientAuthenticationDisabled',
    );
    if (protocol === 'smtp')
      expect(d.remediation).toContain(
        `Test-ServicePrincipalAuthorization -Identity ${SP_OBJECT_ID} -Resource ${MAILBOX}`,
      );
    else {
      expect(d.remediation).toContain(
        `check: Get-MailboxPermission -Identity ${MAILBOX} -User ${SP_OBJECT_ID}`,
      );
      expect(d.remediation).toContain(`fix: ${ADD_PERM}`);
    }
  });

  it('uses a placeholder when the service principal object ID is unknown', () => {
    const d = diagnoseMailOutcome(
      refused('imap', 'a1 NO AUTHENTICATE failed.', 'NO'),
      app(APP_CLAIMS, null),
    );
    expect(d.remediation).toContain(
      `New-ServicePrincipal -AppId ${CLIENT_ID} -ObjectId <object ID from Entra ID → Enterprise applications → your app>`,
    );
  });

  it('rules nothing out when the token could not be decoded', () => {
    const d = diagnoseMailOutcome(refused('imap', 'a1 NO AUTHENTICATE failed.', 'NO'), app());
    expect(d.ruledOut).toEqual([]);
    expect(d.causes!.length).toBeGreaterThanOrEqual(5);
  });

  it('a missing role is a cause; with exchange-authorization: entra it is what the token shows', () => {
    const claims = { ...APP_CLAIMS, roles: ['IMAP.AccessAsApp'] };
    const outcome = refused('smtp', '535 5.7.3 Authentication unsuccessful', '535 5.7.3');
    const auto = diagnoseMailOutcome(outcome, app(claims));
    expect(auto.causes![0]).toBe(
      `neither the Entra app role SMTP.SendAsApp (the token carries IMAP.AccessAsApp) nor an Exchange RBAC for Applications assignment authorizes the app for ${MAILBOX}`,
    );
    expect(auto.remediation).toContain(
      `New-ManagementRoleAssignment -App ${SP_OBJECT_ID} -Role "Application SMTP.SendAsApp"`,
    );
    const entra = diagnoseMailOutcome(outcome, { ...app(claims), exchangeAuthorization: 'entra' });
    expect(entra.causes![0]).toBe(
      "the token shows it: The app-only token's roles lack SMTP.SendAsApp (it has: IMAP.AccessAsApp)",
    );
  });

  it('BAD "authenticated but not connected" asks for the mailbox permission, nothing else', () => {
    const outcome = refused(
      'imap',
      'a2 BAD User is authenticated but not connected.',
      'BAD',
      'post-auth',
    );
    const d = diagnoseMailOutcome(outcome, app(APP_CLAIMS));
    expect(d.replyClass).toBe('specific');
    expect(d.cause).toMatch(/login was accepted but alice@contoso\.example could not be opened/);
    expect(d.remediation).toContain(ADD_PERM);
    expect(d.remediation).not.toMatch(/Set-CASMailbox/);
    expect(d.setupStep).toBe(STEP_EXCHANGE_SP);
  });
});

describe('a generic refusal with a delegated token', () => {
  it('ranks the protocol switch first for IMAP and POP, and rules out what the token shows', () => {
    const d = diagnoseMailOutcome(
      refused('pop', '-ERR Authentication failure: unknown user name or bad password.', '-ERR'),
      user(USER_CLAIMS),
    );
    expect(d.causes![0]).toBe(`POP is turned off for ${MAILBOX}`);
    expect(d.remediation).toContain(`fix: Set-CASMailbox -Identity ${MAILBOX} -PopEnabled $true`);
    expect(d.ruledOut).toContain(
      "a missing POP.AccessAsUser.All consent (the token's scp carries it)",
    );
    expect(d.ruledOut).toContain(`a token for a different account (its upn is ${MAILBOX})`);
    // Not a conclusion: the switch is one cause among others.
    expect(d.cause).not.toMatch(/^POP is disabled/);
  });

  it('SMTP 5.7.3: SMTP AUTH off is listed, less likely, since that answers 5.7.139', () => {
    const d = diagnoseMailOutcome(
      refused('smtp', '535 5.7.3 Authentication unsuccessful [X]', '535 5.7.3'),
      user(USER_CLAIMS),
    );
    expect(d.causes).toContain(
      `SMTP AUTH is turned off for ${MAILBOX} (less likely: Exchange usually answers 5.7.139 for that)`,
    );
    expect(d.causes![0]).not.toMatch(/SMTP AUTH/);
  });

  it('the token shows a different account: that comes first', () => {
    const d = diagnoseMailOutcome(
      refused('smtp', '535 5.7.3 Authentication unsuccessful', '535 5.7.3'),
      user({ ...USER_CLAIMS, upn: 'admin@contoso.example' }),
    );
    expect(d.causes![0]).toBe(
      `the token shows it: The token belongs to admin@contoso.example, but the login names ${MAILBOX} (XOAUTH2 user=)`,
    );
  });

  it('a token lacking the protocol scope comes first', () => {
    const d = diagnoseMailOutcome(
      refused('imap', 'a1 NO AUTHENTICATE failed.', 'NO'),
      user({ ...USER_CLAIMS, scp: 'SMTP.Send' }),
    );
    expect(d.causes![0]).toBe(
      "the token shows it: The token's scp lacks IMAP.AccessAsUser.All (it has: SMTP.Send)",
    );
    expect(d.remediation).toContain('https://outlook.office.com/IMAP.AccessAsUser.All');
  });

  it('an expired token comes first', () => {
    const d = diagnoseMailOutcome(
      refused('smtp', '535 5.7.3 Authentication unsuccessful', '535 5.7.3'),
      user({ ...USER_CLAIMS, exp: NOW / 1000 - 90 }),
    );
    expect(d.causes![0]).toBe(
      'the token shows it: The access token expired at 2026-11-24T05:58:30.000Z (90 s before the login)',
    );
  });

  it('a Graph token names the prefixed scope to request', () => {
    const d = diagnoseMailOutcome(
      refused('pop', '-ERR Authentication failure: unknown user name or bad password.', '-ERR'),
      app({ ...APP_CLAIMS, aud: '00000003-0000-0000-c000-000000000000', roles: ['Mail.Send'] }),
    );
    expect(d.causes![0]).toMatch(
      /^the token shows it: The token is for 00000003-0000-0000-c000-000000000000, not for Exchange Online.*defaults to Microsoft Graph/,
    );
    expect(d.remediation).toContain('Request the scope https://outlook.office365.com/.default');
  });

  it.each(['00000002-0000-0ff1-ce00-000000000000', 'https://ps.outlook.com'])(
    'accepts %s as an Exchange audience',
    (aud) => {
      const d = diagnoseMailOutcome(refused('imap', 'a1 NO AUTHENTICATE failed.', 'NO'), {
        ...user({ ...USER_CLAIMS, aud }),
        expectedAudiences: exchangeAudiences({
          cloud: 'public',
          endpoints: CLOUD_ENDPOINTS.public,
        }),
      });
      expect(d.cause).not.toMatch(/not for Exchange Online/);
      expect(d.ruledOut![0]).toBe(
        `a token for another resource (its aud ${aud} is Exchange Online)`,
      );
    },
  );
});

describe('replies with a meaning get that meaning, and only that', () => {
  const smtp139 = (text: string) =>
    diagnoseMailOutcome(
      refused('smtp', `535 5.7.139 Authentication unsuccessful, ${text}`, '535 5.7.139'),
      user(USER_CLAIMS),
    );

  it('5.7.139 for the Mailbox', () => {
    const d = smtp139(
      'SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
    );
    expect(d.cause).toMatch(/turned off for this mailbox/);
    expect(d.remediation).toContain(
      `Set-CASMailbox -Identity ${MAILBOX} -SmtpClientAuthenticationDisabled $false`,
    );
    expect(d.remediation).not.toMatch(/Set-TransportConfig|security defaults/);
  });

  it('5.7.139 for the Tenant', () => {
    const d = smtp139(
      'SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    );
    expect(d.cause).toMatch(/turned off for the whole tenant/);
    expect(d.remediation).toContain('Set-TransportConfig -SmtpClientAuthenticationDisabled $false');
  });

  it('5.7.139 security defaults', () => {
    const d = smtp139(
      "user is locked by your organization's security defaults policy. Contact your administrator.",
    );
    expect(d.cause).toMatch(/Security defaults in the tenant block SMTP AUTH for this user\.$/);
    expect(d.remediation).toMatch(/Manage security defaults/);
    expect(d.remediation).not.toMatch(/Set-TransportConfig|Set-CASMailbox/);
  });

  it('5.7.139 basic authentication is disabled', () => {
    const d = smtp139('basic authentication is disabled. [X]');
    expect(d.cause).toMatch(/Basic authentication .* is refused/);
    expect(d.remediation).not.toMatch(/Set-TransportConfig|security defaults/);
  });

  it('5.7.139 criteria not met: says Microsoft does not document it', () => {
    const d = smtp139(
      'the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
    );
    expect(d.cause).toMatch(/Microsoft does not document this text/);
  });

  it('5.7.139 wins over token findings (the switch blocks good tokens too)', () => {
    const outcome = refused(
      'smtp',
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      '535 5.7.139',
    );
    const d = diagnoseMailOutcome(outcome, app({ ...APP_CLAIMS, roles: [] }));
    expect(d.cause).toMatch(/turned off for the whole tenant/);
    expect(d.causes).toBeUndefined();
  });

  it.each([
    ['pop', '-ERR Server Unavailable. 21', '-ERR'],
    ['imap', 'a2 NO Server Unavailable. 15', 'NO'],
    ['smtp', '454 4.7.0 Temporary authentication failure', '454 4.7.0'],
  ] as const)(
    "%s %s: a fault on Microsoft's side, a warning to run again",
    (protocol, reply, code) => {
      const d = diagnoseMailOutcome(refused(protocol, reply, code), user(USER_CLAIMS));
      expect(d.status).toBe('warn');
      expect(d.replyClass).toBe('transient');
      expect(d.remediation).toMatch(/^Run the preflight again/);
      expect(d.remediation).not.toMatch(/Set-CASMailbox|Set-TransportConfig/);
    },
  );

  it('POP -ERR Protocol error is a protocol problem, not POP disabled', () => {
    const d = diagnoseMailOutcome(
      refused('pop', '-ERR Protocol error. 19', '-ERR'),
      user(USER_CLAIMS),
    );
    expect(d.replyClass).toBe('protocol');
    expect(d.status).toBeUndefined();
    expect(`${d.cause}${d.remediation}`).not.toMatch(/PopEnabled|POP is (disabled|turned off)/);
  });

  it('delegated "authenticated but not connected" with another user in user=', () => {
    const outcome = refused(
      'imap',
      'a2 BAD User is authenticated but not connected.',
      'BAD',
      'post-auth',
    );
    const d = diagnoseMailOutcome(outcome, user({ ...USER_CLAIMS, upn: 'bob@contoso.example' }));
    expect(d.cause).toMatch(/\(bob@contoso\.example, which the token belongs to\)/);
    expect(d.remediation).toContain(
      `Add-MailboxPermission -Identity ${MAILBOX} -User bob@contoso.example -AccessRights FullAccess`,
    );
    expect(d.remediation).not.toMatch(/ImapEnabled/);
  });
});

describe('network and success', () => {
  const network = (
    error: string,
    errorCode?: string,
    extra: Partial<ProbeOutcome> = {},
  ): ProbeOutcome => ({
    protocol: 'smtp',
    ok: false,
    stage: 'connect',
    error,
    ...(errorCode ? { errorCode } : {}),
    transcript: [],
    durationMs: 5,
    ...extra,
  });

  it('DNS failure', () => {
    const d = diagnoseMailOutcome(
      network('getaddrinfo ENOTFOUND smtp.example.invalid (smtp.example.invalid:587)', 'ENOTFOUND'),
      user(),
    );
    expect(d.summary).toBe(
      'SMTP connect failed: getaddrinfo ENOTFOUND smtp.example.invalid (smtp.example.invalid:587)',
    );
    expect(d.cause).toBe('The host name does not resolve.');
  });

  it('timeout names the stage', () => {
    const d = diagnoseMailOutcome(
      network(
        'no reply from smtp.office365.com:587 within 10000 ms (stage greeting)',
        'ETIMEDOUT',
        { timedOut: true, stage: 'greeting' },
      ),
      user(),
    );
    expect(d.summary).toContain('smtp.office365.com:587');
    expect(d.cause).toBe('No reply from the SMTP server at stage greeting.');
    expect(d.remediation).toMatch(/HTTP proxies do not carry IMAP\/POP\/SMTP/);
  });

  it('success', () => {
    const ok: ProbeOutcome = {
      protocol: 'imap',
      ok: true,
      stage: 'logout',
      reply: 'a1 OK AUTHENTICATE completed.',
      code: 'OK',
      transcript: [],
      durationMs: 210,
    };
    expect(diagnoseMailOutcome(ok, user(USER_CLAIMS))).toEqual({
      summary: 'IMAP login and mailbox access worked for alice@contoso.example (210 ms)',
      cause: 'none',
      remediation: '',
    });
  });
});
