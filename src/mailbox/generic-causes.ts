// The causes behind Exchange's generic refusals (IMAP `NO AUTHENTICATE failed.`, POP `-ERR
// Authentication failure: unknown user name or bad password.`, SMTP `535 5.7.3 Authentication
// unsuccessful`). Microsoft's OAuth page shows these replies for any failed login, so no single
// cause is certain: the plausible ones are listed most likely first, each with the check that
// tells, and the ones the evidence rules out are named with the reason.
// Order (most likely first): what the token itself shows is wrong; then, for app-only tokens, the
// Exchange side of the app's authorization; for delegated tokens, the mailbox's protocol switch and
// the account; a fault on Microsoft's side last (real 5.7.3 cases include one).
import { claimFindings } from './diagnose-claims.js';
import { MAIL_PERMISSIONS } from '../settings/types.js';
import { LABEL, type MailDiagnosisContext } from './diagnose-common.js';
import {
  addMailboxPermission,
  getMailboxPermission,
  getServicePrincipal,
  newServicePrincipal,
  rbacCommands,
  testAuthorization,
  type ExchangeIds,
} from './exchange-setup.js';
import { isExchangeAudience } from '../identity/exchange-audiences.js';
import type { MailProtocol } from './probe-types.js';
import { graphId, psWord } from '../text/command-values.js';

export interface RankedCause {
  cause: string;
  /** The setup step it belongs to, when the token showed it. */
  setupStep?: string;
  /** How to tell whether it is this one. */
  check: string;
  fix: string;
}

export interface GenericRanking {
  causes: RankedCause[];
  ruledOut: string[];
}

const MICROSOFT_SIDE: RankedCause = {
  cause: "a passing fault on Microsoft's side (reported for the same reply)",
  check: 'Run the preflight again in a few minutes',
  fix: 'If it passes then, nothing was wrong with the setup.',
};

function casSwitch(protocol: MailProtocol, mailbox: string): RankedCause {
  const field =
    protocol === 'imap'
      ? 'ImapEnabled'
      : protocol === 'pop'
        ? 'PopEnabled'
        : 'SmtpClientAuthenticationDisabled';
  const set =
    protocol === 'smtp'
      ? `Set-CASMailbox -Identity ${psWord(mailbox)} -SmtpClientAuthenticationDisabled $false`
      : `Set-CASMailbox -Identity ${psWord(mailbox)} -${field} $true`;
  return {
    cause:
      protocol === 'smtp'
        ? `SMTP AUTH is turned off for ${mailbox} (less likely: Exchange usually answers 5.7.139 for that)`
        : `${LABEL[protocol]} is turned off for ${mailbox}`,
    check: `Get-CASMailbox -Identity ${psWord(mailbox)} | fl ImapEnabled,PopEnabled,SmtpClientAuthenticationDisabled`,
    fix: set,
  };
}

export function rankGenericCauses(
  protocol: MailProtocol,
  ctx: MailDiagnosisContext,
): GenericRanking {
  const claims = ctx.claims;
  const causes: RankedCause[] = claimFindings(ctx, protocol).map((f) => ({
    cause: `the token shows it: ${f.cause.replace(/\.$/, '')}`,
    check: 'The token claims in the details',
    fix: f.remediation,
    ...(f.setupStep ? { setupStep: f.setupStep } : {}),
  }));
  const ruledOut: string[] = [];
  if (claims) {
    const audiences = claims.aud === undefined ? [] : [claims.aud].flat();
    if (audiences.some((a) => isExchangeAudience(a, ctx.expectedAudiences)))
      ruledOut.push(
        `a token for another resource (its aud ${audiences.join(', ')} is Exchange Online)`,
      );
    const now = ctx.now ?? Date.now();
    if (claims.exp !== undefined && claims.exp * 1000 > now)
      ruledOut.push(
        `an expired token (it is valid until ${new Date(claims.exp * 1000).toISOString()})`,
      );
  }
  if (ctx.grant === 'client-credentials') appOnly(protocol, ctx, causes, ruledOut);
  else delegated(protocol, ctx, causes, ruledOut);
  causes.push(MICROSOFT_SIDE);
  return { causes, ruledOut };
}

function appOnly(
  protocol: MailProtocol,
  ctx: MailDiagnosisContext,
  causes: RankedCause[],
  ruledOut: string[],
): void {
  const ids: ExchangeIds = {
    clientId: ctx.clientId,
    servicePrincipalObjectId: ctx.servicePrincipalObjectId,
    mailbox: ctx.mailbox,
  };
  const role = MAIL_PERMISSIONS[protocol].application;
  const roles = ctx.claims?.roles ?? [];
  const mode = ctx.exchangeAuthorization ?? 'auto';
  if (ctx.claims && roles.includes(role))
    ruledOut.push(`a missing ${role} app role (the token's roles carry it)`);
  else if (mode !== 'entra')
    causes.push({
      cause: `neither the Entra app role ${role} (the token carries ${roles.length ? roles.join(' ') : 'no roles'}) nor an Exchange RBAC for Applications assignment authorizes the app for ${ctx.mailbox}`,
      check: testAuthorization(ids),
      fix: `Grant ${role} (Office 365 Exchange Online, application) with admin consent, or: ${rbacCommands(ids, protocol).join('; ')}`,
    });
  causes.push({
    cause: "the app's service principal is not registered in Exchange Online",
    check: getServicePrincipal(ids),
    fix: newServicePrincipal(ids),
  });
  causes.push(
    protocol === 'smtp'
      ? {
          cause: `the app may not send as ${ctx.mailbox} (no mailbox permission or RBAC assignment for it)`,
          check: testAuthorization(ids),
          fix: `${addMailboxPermission(ids)}; or ${rbacCommands(ids, protocol).join('; ')}`,
        }
      : {
          cause: `the app has no permission on ${ctx.mailbox}`,
          check: getMailboxPermission(ids),
          fix: addMailboxPermission(ids),
        },
  );
  causes.push({
    cause:
      'the service principal was registered in Exchange with the App registration object ID instead of the Enterprise application one',
    check: `${getServicePrincipal(ids)}: ObjectId must be ${ids.servicePrincipalObjectId ?? 'the object ID under Enterprise applications'}`,
    fix: `Remove-ServicePrincipal -Identity ${graphId(ctx.clientId)}, then ${newServicePrincipal(ids)}`,
  });
  causes.push(casSwitch(protocol, ctx.mailbox));
}

function delegated(
  protocol: MailProtocol,
  ctx: MailDiagnosisContext,
  causes: RankedCause[],
  ruledOut: string[],
): void {
  const claims = ctx.claims;
  const scope = MAIL_PERMISSIONS[protocol].delegated;
  const upn = claims?.upn;
  if (claims?.scp?.split(' ').some((s) => s.toLowerCase() === scope.toLowerCase()))
    ruledOut.push(`a missing ${scope} consent (the token's scp carries it)`);
  if (upn && upn.toLowerCase() === ctx.mailbox.toLowerCase())
    ruledOut.push(`a token for a different account (its upn is ${upn})`);
  const switchCause = casSwitch(protocol, ctx.mailbox);
  // IMAP and POP switched off per mailbox answer exactly this; SMTP AUTH off answers 5.7.139.
  if (protocol !== 'smtp') causes.push(switchCause);
  if (!upn)
    causes.push({
      cause: `the token was issued to a different account than ${ctx.mailbox} (a token cached for another user)`,
      check: 'Compare the upn claim of the token with the username',
      fix: `Request the token as ${ctx.mailbox}, or give that account access: Add-MailboxPermission -Identity ${psWord(ctx.mailbox)} -User <token user> -AccessRights FullAccess`,
    });
  causes.push({
    cause: `${ctx.mailbox} has no Exchange Online mailbox (no licence with Exchange, or the account is not mail-enabled)`,
    check: `Get-EXOMailbox -Identity ${psWord(ctx.mailbox)}`,
    fix: 'Assign a Microsoft 365 licence that includes Exchange Online to the account.',
  });
  if (protocol === 'smtp') causes.push(switchCause);
}
