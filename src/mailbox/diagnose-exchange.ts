// The one reply whose words depend on who signed in: IMAP `BAD User is authenticated but not
// connected.` The token was accepted, but the mailbox named in the login could not be opened by
// that principal (jstedfast/MailKit#1135, simonrob/email-oauth2-proxy#74 and #275).
import { LABEL, STEP_EXCHANGE_SP } from './diagnose-common.js';
import type { Diagnosis, MailDiagnosisContext } from './diagnose-common.js';
import {
  addMailboxPermission,
  getMailboxPermission,
  getServicePrincipal,
  newServicePrincipal,
} from './exchange-setup.js';
import type { MailProtocol } from './probe-types.js';
import { psWord } from '../text/command-values.js';

export function notConnected(
  summary: string,
  ctx: MailDiagnosisContext,
  protocol: MailProtocol,
): Diagnosis {
  if (ctx.grant === 'client-credentials') {
    const ids = {
      clientId: ctx.clientId,
      servicePrincipalObjectId: ctx.servicePrincipalObjectId,
      mailbox: ctx.mailbox,
    };
    return {
      summary,
      replyClass: 'specific',
      cause: `The ${LABEL[protocol]} login was accepted but ${ctx.mailbox} could not be opened: the app has no permission on that mailbox, or its service principal was registered in Exchange with the wrong object ID.`,
      remediation: [
        `Check: ${getMailboxPermission(ids)}`,
        `Fix in Exchange Online PowerShell: ${addMailboxPermission(ids)}`,
        `If the permission is there, check the registration: ${getServicePrincipal(ids)} (ObjectId must be the Enterprise application's); re-create it with ${newServicePrincipal(ids)}`,
      ].join('\n'),
      setupStep: STEP_EXCHANGE_SP,
    };
  }
  const upn = ctx.claims?.upn;
  const other = upn && upn.toLowerCase() !== ctx.mailbox.toLowerCase() ? upn : undefined;
  return {
    summary,
    replyClass: 'specific',
    cause:
      `The ${LABEL[protocol]} login was accepted but ${ctx.mailbox} could not be opened by the signed-in account` +
      (other
        ? ` (${other}, which the token belongs to)`
        : upn
          ? ` (${upn})`
          : ': the token may belong to another account than the mailbox') +
      '.',
    remediation: [
      `Sign in as ${ctx.mailbox} (the token's account must be the mailbox), or give the signed-in account access: Add-MailboxPermission -Identity ${psWord(ctx.mailbox)} -User ${(other ?? upn) ? psWord((other ?? upn)!) : '<token user>'} -AccessRights FullAccess`,
      `Check: Get-MailboxPermission -Identity ${psWord(ctx.mailbox)}`,
    ].join('\n'),
  };
}
