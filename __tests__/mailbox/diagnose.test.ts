// Diagnosis of Exchange Online replies that a local server cannot produce (recorded texts from
// docs/checks.md, Mailbox login), with and without token claims.
import { describe, expect, it } from '@jest/globals';
import {
  diagnoseMailOutcome,
  STEP_EXCHANGE_SP,
  STEP_PERMISSIONS,
  STEP_TOKEN_SCOPE,
  type MailDiagnosisContext as DiagnosisContext,
  type TokenClaims,
} from '../../src/mailbox/diagnose.js';
import type { MailProtocol, ProbeOutcome, ProbeStage } from '../../src/mailbox/probe-types.js';
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

describe('app-only token refused (Exchange service principal / mailbox permission missing)', () => {
  it.each([
    ['imap', 'a1 NO AUTHENTICATE failed.', 'NO'],
    ['pop', '-ERR Authentication failure: unknown user name or bad password.', '-ERR'],
    [
      'smtp',
      '535 5.7.3 Authentication unsuccessful [SN4PR0501CA0054.namprd05.prod.outlook.com]',
      '535 5.7.3',
    ],
  ] as const)('%s: %s', (protocol, reply, code) => {
    const d = diagnoseMailOutcome(refused(protocol, reply, code), app(APP_CLAIMS));
    expect(d.summary).toContain(reply);
    expect(d.cause).toMatch(
      /not registered in Exchange Online, or it has no permission on alice@contoso\.example/,
    );
    expect(d.remediation).toContain(NEW_SP);
    expect(d.remediation).toContain(ADD_PERM);
    expect(d.remediation).toMatch(
      /Enterprise applications, not the one on the App registration page/,
    );
    expect(d.setupStep).toBe(STEP_EXCHANGE_SP);
  });

  it('uses a placeholder when the service principal object ID is unknown', () => {
    const d = diagnoseMailOutcome(
      refused('imap', 'a1 NO AUTHENTICATE failed.', 'NO'),
      app(APP_CLAIMS, null),
    );
    expect(d.remediation).toContain(
      `New-ServicePrincipal -AppId ${CLIENT_ID} -ObjectId <Enterprise application object ID>`,
    );
    expect(d.remediation).toContain(
      `-User <Enterprise application object ID> -AccessRights FullAccess`,
    );
  });

  it('still points at the Exchange setup when the token could not be decoded', () => {
    expect(
      diagnoseMailOutcome(refused('imap', 'a1 NO AUTHENTICATE failed.', 'NO'), app()).setupStep,
    ).toBe(STEP_EXCHANGE_SP);
  });

  it('BAD "authenticated but not connected" asks for the mailbox permission', () => {
    const outcome = refused(
      'imap',
      'a2 BAD User is authenticated but not connected.',
      'BAD',
      'post-auth',
    );
    const d = diagnoseMailOutcome(outcome, app(APP_CLAIMS));
    expect(d.cause).toMatch(/login was accepted but alice@contoso\.example could not be opened/);
    expect(d.remediation).toContain(ADD_PERM);
    expect(d.setupStep).toBe(STEP_EXCHANGE_SP);
  });
});

describe('what the token claims show', () => {
  it('an app-only token lacking the protocol role', () => {
    const claims = { ...APP_CLAIMS, roles: ['IMAP.AccessAsApp'] };
    const d = diagnoseMailOutcome(
      refused('smtp', '535 5.7.3 Authentication unsuccessful', '535 5.7.3'),
      app(claims),
    );
    expect(d.cause).toBe(
      "The app-only token's roles lack SMTP.SendAsApp (it has: IMAP.AccessAsApp).",
    );
    expect(d.remediation).toMatch(/SMTP\.SendAsApp under Office 365 Exchange Online/);
    expect(d.setupStep).toBe(STEP_PERMISSIONS);
  });

  it('a delegated token lacking the protocol scope', () => {
    const claims = { ...USER_CLAIMS, scp: 'SMTP.Send' };
    const d = diagnoseMailOutcome(
      refused('imap', 'a1 NO AUTHENTICATE failed.', 'NO'),
      user(claims),
    );
    expect(d.cause).toBe("The token's scp lacks IMAP.AccessAsUser.All (it has: SMTP.Send).");
    expect(d.remediation).toContain('https://outlook.office.com/IMAP.AccessAsUser.All');
    expect(d.setupStep).toBe(STEP_PERMISSIONS);
  });

  it('a Graph token (app-only) names the .default scope to request', () => {
    const claims = {
      ...APP_CLAIMS,
      aud: '00000003-0000-0000-c000-000000000000',
      roles: ['Mail.Send'],
    };
    const d = diagnoseMailOutcome(
      refused('pop', '-ERR Authentication failure: unknown user name or bad password.', '-ERR'),
      app(claims),
    );
    expect(d.cause).toMatch(
      /^The token is for 00000003-0000-0000-c000-000000000000, not for Exchange Online/,
    );
    expect(d.cause).toMatch(/defaults to Microsoft Graph/);
    expect(d.cause).toMatch(/Also: The app-only token's roles lack POP\.AccessAsApp/);
    expect(d.remediation).toBe(
      'Request the scope https://outlook.office365.com/.default (check the scope input), in a token request of its own.',
    );
    expect(d.setupStep).toBe(STEP_TOKEN_SCOPE);
  });

  it('accepts the Exchange app id GUID as an audience', () => {
    const claims = { ...USER_CLAIMS, aud: '00000002-0000-0ff1-ce00-000000000000' };
    const d = diagnoseMailOutcome(
      refused('imap', 'a1 NO AUTHENTICATE failed.', 'NO'),
      user(claims),
    );
    expect(d.cause).not.toMatch(/not for Exchange Online/);
  });

  it('an expired token comes first', () => {
    const claims = { ...USER_CLAIMS, exp: NOW / 1000 - 90 };
    const d = diagnoseMailOutcome(
      refused('smtp', '535 5.7.3 Authentication unsuccessful', '535 5.7.3'),
      user(claims),
    );
    expect(d.cause).toBe(
      'The access token expired at 2026-11-24T05:58:30.000Z (90 s before the login).',
    );
  });
});

describe('Exchange switches', () => {
  it.each([
    [
      'IMAP',
      'imap',
      'a1 NO AUTHENTICATE failed.',
      'NO',
      `Set-CASMailbox -Identity ${MAILBOX} -ImapEnabled $true`,
    ],
    [
      'POP',
      'pop',
      '-ERR Authentication failure: unknown user name or bad password.',
      '-ERR',
      `Set-CASMailbox -Identity ${MAILBOX} -PopEnabled $true`,
    ],
  ] as const)(
    '%s disabled for the mailbox (delegated token that looks right)',
    (label, protocol, reply, code, command) => {
      const d = diagnoseMailOutcome(refused(protocol, reply, code), user(USER_CLAIMS));
      expect(d.cause).toMatch(new RegExp(`^${label} is disabled for alice@contoso\\.example\\.`));
      expect(d.remediation).toBe(`In Exchange Online PowerShell: ${command}`);
    },
  );

  const smtp139 = (text: string) =>
    diagnoseMailOutcome(
      refused('smtp', `535 5.7.139 Authentication unsuccessful, ${text}`, '535 5.7.139'),
      user(USER_CLAIMS),
    );

  it('5.7.139 for the Mailbox', () => {
    const d = smtp139(
      'SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
    );
    expect(d.cause).toMatch(/disabled for the mailbox alice@contoso\.example/);
    expect(d.remediation).toBe(
      `In Exchange Online PowerShell: Set-CASMailbox -Identity ${MAILBOX} -SmtpClientAuthenticationDisabled $false`,
    );
  });

  it('5.7.139 for the Tenant', () => {
    const d = smtp139(
      'SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    );
    expect(d.remediation).toContain('Set-TransportConfig -SmtpClientAuthenticationDisabled $false');
    expect(d.remediation).toContain(
      `Set-CASMailbox -Identity ${MAILBOX} -SmtpClientAuthenticationDisabled $false`,
    );
  });

  it('5.7.139 security defaults', () => {
    const d = smtp139(
      "user is locked by your organization's security defaults policy. Contact your administrator.",
    );
    expect(d.cause).toBe('Security defaults in the tenant block SMTP AUTH for this user.');
    expect(d.remediation).toMatch(/Manage security defaults/);
  });

  it('5.7.139 criteria not met', () => {
    const d = smtp139(
      'the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
    );
    expect(d.cause).toMatch(/Conditional Access or MFA/);
  });

  it('5.7.139 wins over token findings (the switch blocks good tokens too)', () => {
    const outcome = refused(
      'smtp',
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      '535 5.7.139',
    );
    const d = diagnoseMailOutcome(outcome, app({ ...APP_CLAIMS, roles: [] }));
    expect(d.cause).toMatch(/disabled for the whole tenant/);
  });

  it('delegated SMTP 5.7.3 with a good token: SMTP AUTH off for the user', () => {
    const d = diagnoseMailOutcome(
      refused('smtp', '535 5.7.3 Authentication unsuccessful [X]', '535 5.7.3'),
      user(USER_CLAIMS),
    );
    expect(d.remediation).toBe(
      `Set-CASMailbox -Identity ${MAILBOX} -SmtpClientAuthenticationDisabled $false\nSet-TransportConfig -SmtpClientAuthenticationDisabled $false`,
    );
  });

  it('delegated "authenticated but not connected" with another user in user=', () => {
    const outcome = refused(
      'imap',
      'a2 BAD User is authenticated but not connected.',
      'BAD',
      'post-auth',
    );
    const d = diagnoseMailOutcome(outcome, user({ ...USER_CLAIMS, upn: 'bob@contoso.example' }));
    expect(d.cause).toMatch(/\(token user bob@contoso\.example\)/);
    expect(d.remediation).toContain(
      `Add-MailboxPermission -Identity ${MAILBOX} -User bob@contoso.example -AccessRights FullAccess`,
    );
    expect(d.remediation).toContain(`Set-CASMailbox -Identity ${MAILBOX} -ImapEnabled $true`);
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
