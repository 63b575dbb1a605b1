// Causes only Exchange Online settings explain, with the PowerShell that fixes each: the app's
// service principal and mailbox permission, per-mailbox protocol switches, SMTP AUTH (5.7.139).
import { LABEL, STEP_EXCHANGE_SP } from './diagnose-common.js';
import type { Diagnosis, MailDiagnosisContext } from './diagnose-common.js';
import type { MailProtocol } from './probe-types.js';

function exchangeSetupCommands(ctx: MailDiagnosisContext): string {
  const sp = ctx.servicePrincipalObjectId ?? '<Enterprise application object ID>';
  return [
    `New-ServicePrincipal -AppId ${ctx.clientId} -ObjectId ${sp}`,
    `Add-MailboxPermission -Identity ${ctx.mailbox} -User ${sp} -AccessRights FullAccess`,
    'Use the object ID shown under Enterprise applications, not the one on the App registration page: ' +
      'the wrong one makes logins fail the same way.',
  ].join('\n');
}

export function appOnlyRefused(
  summary: string,
  ctx: MailDiagnosisContext,
  protocol: MailProtocol,
): Diagnosis {
  return {
    summary,
    cause:
      `Exchange Online refused the app-only token although it looks right for ${LABEL[protocol]}: ` +
      `the app's service principal is not registered in Exchange Online, or it has no permission on ${ctx.mailbox}.`,
    remediation: `In Exchange Online PowerShell (Connect-ExchangeOnline):\n${exchangeSetupCommands(ctx)}`,
    setupStep: STEP_EXCHANGE_SP,
  };
}

export function notConnected(
  summary: string,
  ctx: MailDiagnosisContext,
  protocol: MailProtocol,
): Diagnosis {
  if (ctx.grant === 'client-credentials') {
    return {
      summary,
      cause: `The login was accepted but ${ctx.mailbox} could not be opened: the app has no permission on that mailbox (or was registered with the wrong object ID).`,
      remediation: `In Exchange Online PowerShell:\n${exchangeSetupCommands(ctx)}`,
      setupStep: STEP_EXCHANGE_SP,
    };
  }
  const upn = ctx.claims?.upn;
  return {
    summary,
    cause:
      `The login was accepted but ${ctx.mailbox} could not be opened: the XOAUTH2 user= names a mailbox the signed-in user cannot open` +
      (upn && upn.toLowerCase() !== ctx.mailbox.toLowerCase() ? ` (token user ${upn})` : '') +
      `, or the mailbox has no Exchange Online licence or ${LABEL[protocol]} is disabled for it.`,
    remediation: [
      `Use the signing-in account as the username, or grant it access: Add-MailboxPermission -Identity ${ctx.mailbox} -User ${upn ?? '<user>'} -AccessRights FullAccess`,
      protocolSwitch(ctx, protocol),
    ].join('\n'),
  };
}

function protocolSwitch(ctx: MailDiagnosisContext, protocol: MailProtocol): string {
  if (protocol === 'imap') return `Set-CASMailbox -Identity ${ctx.mailbox} -ImapEnabled $true`;
  if (protocol === 'pop') return `Set-CASMailbox -Identity ${ctx.mailbox} -PopEnabled $true`;
  return `Set-CASMailbox -Identity ${ctx.mailbox} -SmtpClientAuthenticationDisabled $false`;
}

export function protocolDisabled(
  summary: string,
  ctx: MailDiagnosisContext,
  protocol: MailProtocol,
  why: string,
): Diagnosis {
  return {
    summary,
    cause: `${LABEL[protocol]} is disabled for ${ctx.mailbox}. ${why}`,
    remediation: `In Exchange Online PowerShell: ${protocolSwitch(ctx, protocol)}`,
  };
}

export function delegatedRefused(
  summary: string,
  ctx: MailDiagnosisContext,
  protocol: MailProtocol,
  code: string,
): Diagnosis {
  const tokenChecked = ctx.claims
    ? 'The token itself looks right (audience, scope, user, expiry).'
    : 'The token could not be inspected.';
  if (protocol === 'smtp') {
    return {
      summary,
      cause:
        `Exchange refused SMTP AUTH (${code}). ${tokenChecked} ` +
        `The usual cause is SMTP AUTH being disabled for ${ctx.mailbox} or the tenant.`,
      remediation: [
        `Set-CASMailbox -Identity ${ctx.mailbox} -SmtpClientAuthenticationDisabled $false`,
        'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
      ].join('\n'),
    };
  }
  return protocolDisabled(
    summary,
    ctx,
    protocol,
    `${tokenChecked} Exchange gives the same generic refusal (${code}) when ${LABEL[protocol]} is ` +
      'turned off for the mailbox, which is then the likely cause (or a Conditional Access policy).',
  );
}

export function smtpAuthDisabled(
  summary: string,
  reply: string,
  ctx: MailDiagnosisContext,
): Diagnosis {
  const mailboxCmd = `Set-CASMailbox -Identity ${ctx.mailbox} -SmtpClientAuthenticationDisabled $false`;
  const tenantCmd = 'Set-TransportConfig -SmtpClientAuthenticationDisabled $false';
  if (/security defaults/i.test(reply)) {
    return {
      summary,
      cause: 'Security defaults in the tenant block SMTP AUTH for this user.',
      remediation:
        'Turn off security defaults (Entra ID → Overview → Properties → Manage security defaults) and ' +
        'protect sign-ins with Conditional Access instead; then make sure SMTP AUTH is enabled:\n' +
        `${mailboxCmd}`,
    };
  }
  if (/for the mailbox/i.test(reply)) {
    return {
      summary,
      cause: `SMTP AUTH (client submission) is disabled for the mailbox ${ctx.mailbox}; this blocks OAuth too.`,
      remediation: `In Exchange Online PowerShell: ${mailboxCmd}`,
    };
  }
  if (/for the tenant/i.test(reply)) {
    return {
      summary,
      cause:
        'SMTP AUTH (client submission) is disabled for the whole tenant; this blocks OAuth too.',
      remediation:
        `In Exchange Online PowerShell: ${tenantCmd}\n` +
        `or enable it for this mailbox only (the mailbox setting wins): ${mailboxCmd}`,
    };
  }
  if (/did not meet the criteria/i.test(reply)) {
    return {
      summary,
      cause:
        'The sign-in did not meet the tenant’s criteria for SMTP AUTH (probably a Conditional Access or MFA policy; unconfirmed).',
      remediation: `Check the Entra sign-in logs for this user, then SMTP AUTH itself:\n${mailboxCmd}\n${tenantCmd}`,
    };
  }
  return {
    summary,
    cause: 'SMTP AUTH (client submission) is disabled for the mailbox or the tenant.',
    remediation: `${mailboxCmd}\n${tenantCmd}`,
  };
}
