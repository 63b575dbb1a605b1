// What Exchange Online's IMAP, POP and SMTP replies mean, each with a real reply and where it was
// seen. Four classes, because they need different words:
// - generic: what Exchange answers for ANY failed XOAUTH2 login (Microsoft's own OAuth page shows
//   exactly these); it names no cause, so the diagnosis ranks the plausible ones (generic-causes.ts);
// - specific: a reply that names its cause; it gets that meaning and only that;
// - transient: a fault on Microsoft's side; a warning to run again, never a setup failure;
// - protocol: the dialogue itself went wrong (a client or endpoint problem, not a setting).
// A reply matching none is quoted verbatim and called unknown (diagnose.ts).
// docs/troubleshooting.md's table of replies is generated from this list
// (scripts/troubleshooting-tables.ts).
import type { MailProtocol } from './probe-types.js';
import { psWord } from '../text/command-values.js';

export type ReplyClass = 'generic' | 'specific' | 'transient' | 'protocol';

export interface ExchangeReply {
  id: string;
  protocols: readonly MailProtocol[];
  /** Tested against the whole reply; tags and server names around it do not matter. */
  pattern: RegExp;
  /** A reply as Exchange sent it (from `source`). */
  example: string;
  /** Where the reply was seen or documented. */
  source: string;
  class: ReplyClass;
  /** What it means, plain words, one or two sentences. */
  meaning: string;
  /** What to do; `mailbox` fills in the commands. Generic replies rank causes instead. */
  fix(mailbox: string): string;
}

const OAUTH_PAGE =
  'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth';
const SMTP_AUTH_PAGE =
  'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission';

const casMailbox = (mailbox: string) =>
  `Set-CASMailbox -Identity ${psWord(mailbox)} -SmtpClientAuthenticationDisabled $false`;

export const EXCHANGE_REPLIES: readonly ExchangeReply[] = [
  {
    id: 'smtp-auth-disabled-tenant',
    protocols: ['smtp'],
    pattern: /\b5\.7\.139\b.*disabled for the Tenant/is,
    example:
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    source: 'https://github.com/simonrob/email-oauth2-proxy/issues/193',
    class: 'specific',
    meaning:
      'SMTP AUTH (authenticated client submission) is turned off for the whole tenant; the switch blocks XOAUTH2 logins too.',
    fix: (mailbox) =>
      'In Exchange Online PowerShell: Set-TransportConfig -SmtpClientAuthenticationDisabled $false\n' +
      `or turn it on for this mailbox only (the mailbox setting wins over the tenant's): ${casMailbox(mailbox)}\n` +
      'Check: Get-TransportConfig | fl SmtpClientAuthenticationDisabled',
  },
  {
    id: 'smtp-auth-disabled-mailbox',
    protocols: ['smtp'],
    pattern: /\b5\.7\.139\b.*disabled for the Mailbox/is,
    example:
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
    source: SMTP_AUTH_PAGE,
    class: 'specific',
    meaning:
      'SMTP AUTH (authenticated client submission) is turned off for this mailbox; the switch blocks XOAUTH2 logins too.',
    fix: (mailbox) =>
      `In Exchange Online PowerShell: ${casMailbox(mailbox)}\n` +
      `Check: Get-CASMailbox -Identity ${psWord(mailbox)} | fl SmtpClientAuthenticationDisabled`,
  },
  {
    id: 'smtp-auth-security-defaults',
    protocols: ['smtp'],
    pattern: /\b5\.7\.139\b.*security defaults/is,
    example:
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.",
    source: 'https://docs.bookyourpto.com/features/smtp-troubleshoot',
    class: 'specific',
    meaning: 'Security defaults in the tenant block SMTP AUTH for this user.',
    fix: () =>
      'Security defaults cannot exempt one account: turn them off (Entra ID → Overview → Properties → Manage security defaults) ' +
      'and protect sign-ins with Conditional Access policies instead, or send through Microsoft Graph rather than SMTP.',
  },
  {
    id: 'smtp-basic-auth-disabled',
    protocols: ['smtp'],
    pattern: /\b5\.7\.139\b.*basic authentication is disabled/is,
    example:
      '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]',
    source: 'https://github.com/rpremraj/mailR/issues/107',
    class: 'specific',
    meaning:
      'Basic authentication (a username and password) is refused for SMTP AUTH. Exchange answers this to password logins; this preflight logs in with XOAUTH2, so the server took the login for a password one.',
    fix: () =>
      'Log in with XOAUTH2 and an access token (this preflight does). If a client of yours sends a password, switch it to XOAUTH2; ' +
      'if this reply answers an XOAUTH2 login, check that the SMTP endpoint is Exchange Online (smtp.office365.com:587 in the public cloud).',
  },
  {
    id: 'smtp-auth-criteria',
    protocols: ['smtp'],
    pattern: /\b5\.7\.139\b.*did not meet the criteria/is,
    example:
      '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.',
    source: 'https://docs.bookyourpto.com/features/smtp-troubleshoot',
    class: 'specific',
    meaning:
      'Exchange refused SMTP AUTH for a policy reason it does not name. Microsoft does not document this text; public guides connect it with sign-in policies (Conditional Access, MFA) and with SMTP AUTH being off for the mailbox.',
    fix: (mailbox) =>
      'Look the sign-in up in Entra ID → Sign-in logs for this account (a Conditional Access or MFA result), then check SMTP AUTH itself: ' +
      `Get-CASMailbox -Identity ${psWord(mailbox)} | fl SmtpClientAuthenticationDisabled`,
  },
  {
    id: 'smtp-basic-auth-retired',
    protocols: ['smtp'],
    pattern: /\b5\.7\.30\b.*Basic authentication is not supported/is,
    example: '550 5.7.30 Basic authentication is not supported for Client Submission.',
    source: 'https://mc.merill.net/message/MC786329',
    class: 'specific',
    meaning:
      'Basic authentication for SMTP AUTH is retired for this tenant; only OAuth (XOAUTH2) logins are accepted.',
    fix: () =>
      'Log in with XOAUTH2 (this preflight does); move every client that still sends a password to OAuth.',
  },
  {
    id: 'imap-not-connected',
    protocols: ['imap'],
    pattern: /User is authenticated but not connected/i,
    example: 'BAD User is authenticated but not connected.',
    source: 'https://github.com/simonrob/email-oauth2-proxy/issues/275',
    class: 'specific',
    meaning:
      'The token was accepted, but the mailbox named in the login could not be opened by the principal that signed in.',
    // The words depend on the grant; diagnose-exchange.ts `notConnected` writes them.
    fix: (mailbox) =>
      `Give the signed-in principal access to ${mailbox} (Add-MailboxPermission), or log in as the mailbox the token belongs to.`,
  },
  {
    id: 'server-unavailable',
    protocols: ['imap', 'pop'],
    pattern: /Server Unavailable\.?\s*\d*/i,
    example: '-ERR Server Unavailable. 21',
    source: 'https://github.com/simonrob/email-oauth2-proxy/issues/379',
    class: 'transient',
    meaning:
      "A fault on Microsoft's side (the number names an internal reason): the setup is not shown to be wrong.",
    fix: () =>
      'Run the preflight again; if it keeps answering this, check the Microsoft 365 service health page.',
  },
  {
    id: 'smtp-temporary',
    protocols: ['smtp'],
    pattern: /^4\d\d[ -]/m,
    example: '454 4.7.0 Temporary authentication failure',
    source: 'https://www.rfc-editor.org/rfc/rfc4954#section-6',
    class: 'transient',
    meaning:
      'A temporary (4xx) refusal: the server could not complete the login now; the setup is not shown to be wrong.',
    fix: () => 'Run the preflight again later.',
  },
  {
    id: 'pop-protocol-error',
    protocols: ['pop'],
    pattern: /^-ERR Protocol error/i,
    example: '-ERR Protocol error. 19',
    source: 'https://github.com/freescout-help-desk/freescout/issues/2810',
    class: 'protocol',
    meaning:
      'The POP server did not accept a command in this state: a protocol problem (a client bug, or another protocol spoken on the POP port), not a disabled setting.',
    fix: () =>
      'Check that the POP endpoint is a POP3 port with implicit TLS (outlook.office365.com:995 in the public cloud) and that no proxy rewrites the dialogue; report it with the transcript if it persists.',
  },
  {
    id: 'imap-authenticate-failed',
    protocols: ['imap'],
    pattern: /\b(?:AUTHENTICATE|LOGIN) failed/i,
    example: 'NO AUTHENTICATE failed.',
    source: OAUTH_PAGE,
    class: 'generic',
    meaning: 'Exchange gives this reply for any failed login over IMAP; it names no cause.',
    fix: () => '',
  },
  {
    id: 'pop-authentication-failure',
    protocols: ['pop'],
    pattern: /(?:Authentication|Logon) failure: unknown user name or bad password/i,
    example: '-ERR Authentication failure: unknown user name or bad password.',
    source: OAUTH_PAGE,
    class: 'generic',
    meaning: 'Exchange gives this reply for any failed login over POP; it names no cause.',
    fix: () => '',
  },
  {
    id: 'smtp-authentication-unsuccessful',
    protocols: ['smtp'],
    pattern: /\b5\.7\.3\b.*Authentication unsuccessful/is,
    example: '535 5.7.3 Authentication unsuccessful',
    source: OAUTH_PAGE,
    class: 'generic',
    meaning:
      'Exchange gives this reply for any failed login over SMTP AUTH; it names no cause (SMTP AUTH turned off answers 5.7.139 instead).',
    fix: () => '',
  },
  // The standards' own generic refusals (servers other than Exchange use them, e.g. the loopback
  // servers of this repository's tests): as unspecific as Exchange's.
  {
    id: 'imap-authenticationfailed',
    protocols: ['imap'],
    pattern: /\bNO \[AUTHENTICATIONFAILED\]/i,
    example: 'NO [AUTHENTICATIONFAILED] Authentication failed.',
    source: 'https://www.rfc-editor.org/rfc/rfc5530#section-3',
    class: 'generic',
    meaning:
      'The standard IMAP reply to any failed login (RFC 5530: the server will not say why); it names no cause.',
    fix: () => '',
  },
  {
    id: 'pop-auth',
    protocols: ['pop'],
    pattern: /^-ERR \[AUTH\]/i,
    example: '-ERR [AUTH] Authentication failed.',
    source: 'https://www.rfc-editor.org/rfc/rfc3206#section-4',
    class: 'generic',
    meaning: 'The standard POP reply to any failed login (RFC 3206); it names no cause.',
    fix: () => '',
  },
  {
    id: 'smtp-credentials-invalid',
    protocols: ['smtp'],
    pattern: /^535 5\.7\.8\b/m,
    example: '535 5.7.8 Error: authentication failed: Invalid token',
    source: 'https://www.rfc-editor.org/rfc/rfc4954#section-6',
    class: 'generic',
    meaning:
      'The standard SMTP reply to any failed login (RFC 4954: credentials invalid); it names no cause.',
    fix: () => '',
  },
];

/** The catalogued reply this one is, or undefined (an unknown reply). */
export function classifyReply(protocol: MailProtocol, reply: string): ExchangeReply | undefined {
  return EXCHANGE_REPLIES.find((r) => r.protocols.includes(protocol) && r.pattern.test(reply));
}
