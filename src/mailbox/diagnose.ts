// Turns a probe outcome into a cause and a fix. Exchange's refusals are generic ("AUTHENTICATE
// failed", "535 5.7.3"), so the token's own claims (decoded unverified by the caller, a hint
// only) are checked first; reply-specific texts (5.7.139, "authenticated but not connected")
// come before that. Replies and causes: reference/m365-facts.md sections 4 and 7.
import type { MailProtocol, ProbeOutcome } from './probe-types.js';

export interface TokenClaims {
  aud?: string | string[];
  scp?: string;
  roles?: string[];
  upn?: string;
  exp?: number;
  appid?: string;
}

export interface DiagnosisContext {
  grant: 'password' | 'client-credentials';
  clientId: string;
  mailbox: string;
  /** Object ID of the Enterprise application (service principal), when known. */
  servicePrincipalObjectId?: string;
  claims?: TokenClaims;
  /** Outlook resources a token for this cloud may carry as `aud`. */
  expectedAudiences: string[];
  /** Clock for the expiry check (ms since epoch); defaults to now. */
  now?: number;
}

export interface Diagnosis {
  summary: string;
  cause: string;
  remediation: string;
  /** The connector's setup step (reference/seed-summary.md) that was missed, when one fits. */
  setupStep?: string;
}

const LABEL: Record<MailProtocol, string> = { imap: 'IMAP', pop: 'POP', smtp: 'SMTP' };
const DELEGATED_SCOPE: Record<MailProtocol, string> = {
  imap: 'IMAP.AccessAsUser.All',
  pop: 'POP.AccessAsUser.All',
  smtp: 'SMTP.Send',
};
const APP_ROLE: Record<MailProtocol, string> = {
  imap: 'IMAP.AccessAsApp',
  pop: 'POP.AccessAsApp',
  smtp: 'SMTP.SendAsApp',
};
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
const GRAPH_AUDIENCES = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'];

export const STEP_PERMISSIONS =
  'Step 3 (Permissions): API permissions → Add a permission, then grant admin consent';
export const STEP_EXCHANGE_SP =
  'Step 4 (Connect the registration to Exchange Online): New-ServicePrincipal and Add-MailboxPermission';
export const STEP_TOKEN_SCOPE =
  'Step 6 (Get tokens): request the scope with its https://outlook.office.com/ prefix';

export function diagnoseMailOutcome(outcome: ProbeOutcome, ctx: DiagnosisContext): Diagnosis {
  const label = LABEL[outcome.protocol];
  if (outcome.ok) {
    const what = outcome.protocol === 'smtp' ? 'SMTP AUTH' : `${label} login and mailbox access`;
    return {
      summary: `${what} worked for ${ctx.mailbox} (${outcome.durationMs} ms)`,
      cause: 'none',
      remediation: '',
    };
  }
  if (outcome.reply === undefined) return networkDiagnosis(outcome, label);
  return replyDiagnosis(outcome, ctx, label);
}

function networkDiagnosis(outcome: ProbeOutcome, label: string): Diagnosis {
  const error = outcome.error ?? 'unknown failure';
  const summary = `${label} ${outcome.stage} failed: ${error}`;
  const reach =
    'Check that this runner can reach the host and port (firewall, egress rules; HTTP proxies ' +
    'do not carry IMAP/POP/SMTP) and that the endpoint override, if any, is right.';
  if (outcome.timedOut) {
    return {
      summary,
      cause: `No reply from the ${label} server at stage ${outcome.stage}.`,
      remediation: reach,
    };
  }
  const code = outcome.errorCode ?? '';
  if (code === 'ECONNREFUSED') {
    return {
      summary,
      cause: `Nothing accepts connections on that ${label} port.`,
      remediation: reach,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      summary,
      cause: 'The host name does not resolve.',
      remediation: 'Check the host name (and the cloud setting) and the runner’s DNS.',
    };
  }
  if (/CERT|SELF_SIGNED|ALTNAME|UNABLE_TO|VERIFY/i.test(code)) {
    return {
      summary,
      cause: `The ${label} server's TLS certificate is not trusted or does not match the host name.`,
      remediation:
        'Use the Microsoft host name for your cloud (the certificate names it). A TLS-inspecting ' +
        'proxy or firewall re-signs the connection: exempt the mail host from inspection or add ' +
        'its CA to NODE_EXTRA_CA_CERTS. Certificate checks are never turned off.',
    };
  }
  return {
    summary,
    cause: `The connection to the ${label} server failed at stage ${outcome.stage}.`,
    remediation: reach,
  };
}

function replyDiagnosis(outcome: ProbeOutcome, ctx: DiagnosisContext, label: string): Diagnosis {
  const reply = outcome.reply ?? '';
  const summary = `${label} ${outcome.stage} refused for ${ctx.mailbox}: ${lastLine(reply)}`;
  const protocol = outcome.protocol;

  if (outcome.stage === 'greeting' || outcome.stage === 'starttls') {
    return {
      summary,
      cause: /not offered/.test(outcome.code ?? '')
        ? `The server does not offer what Exchange Online offers (${outcome.code}): this is probably not the Exchange Online ${label} endpoint.`
        : `The ${label} server refused the session before any login.`,
      remediation:
        'Check the endpoint (host and port) for your cloud; retry later if it is a temporary refusal (4xx / BYE).',
    };
  }
  if (/not offered/.test(outcome.code ?? '')) {
    return {
      summary,
      cause: `The server does not offer SASL XOAUTH2 (${outcome.code}).`,
      remediation: `Point the ${label} endpoint at Exchange Online (section 7.1 of the Microsoft endpoints).`,
    };
  }
  if (/^5\d\d 5\.7\.139\b/.test(outcome.code ?? '') || /\b5\.7\.139\b/.test(reply)) {
    return smtpAuthDisabled(summary, reply, ctx);
  }
  if (/authenticated but not connected/i.test(reply)) return notConnected(summary, ctx, protocol);

  const tokenProblems = claimFindings(ctx, protocol);
  if (tokenProblems.length > 0) {
    const [first, ...more] = tokenProblems;
    const also = more.length ? ` Also: ${more.map((p) => p.cause).join(' ')}` : '';
    return {
      summary,
      cause: first!.cause + also,
      remediation: first!.remediation,
      setupStep: first!.setupStep,
    };
  }
  if (/disabled|not enabled/i.test(reply) && protocol !== 'smtp') {
    return protocolDisabled(summary, ctx, protocol, 'The reply says the protocol is disabled.');
  }
  if (ctx.grant === 'client-credentials') return appOnlyRefused(summary, ctx, protocol);
  return delegatedRefused(summary, ctx, protocol, outcome.code ?? '');
}

interface Finding {
  cause: string;
  remediation: string;
  setupStep?: string;
}

/** Problems the token's own claims show, most decisive first. */
function claimFindings(ctx: DiagnosisContext, protocol: MailProtocol): Finding[] {
  const claims = ctx.claims;
  if (!claims) return [];
  const findings: Finding[] = [];
  const now = ctx.now ?? Date.now();

  if (claims.exp !== undefined && claims.exp * 1000 <= now) {
    const ago = Math.round((now - claims.exp * 1000) / 1000);
    findings.push({
      cause: `The access token expired at ${new Date(claims.exp * 1000).toISOString()} (${ago} s before the login).`,
      remediation:
        'Request a new token right before the login (tokens last about an hour) and check the runner’s clock.',
    });
  }

  const audiences = claims.aud === undefined ? [] : [claims.aud].flat();
  const accepted = [...ctx.expectedAudiences, EXCHANGE_APP_ID].map(normalise);
  if (audiences.length > 0 && !audiences.some((a) => accepted.includes(normalise(a)))) {
    const graph = audiences.some((a) => GRAPH_AUDIENCES.includes(normalise(a)));
    const wanted =
      ctx.grant === 'password'
        ? `https://outlook.office.com/${DELEGATED_SCOPE[protocol]}`
        : 'https://outlook.office365.com/.default';
    findings.push({
      cause:
        `The token is for ${audiences.join(', ')}, not for Exchange Online (expected ${ctx.expectedAudiences.join(' or ')}).` +
        (graph
          ? ` A scope written without its resource prefix (${DELEGATED_SCOPE[protocol]} instead of ${wanted}) defaults to Microsoft Graph, and mail servers refuse Graph tokens.`
          : ''),
      remediation: `Request the scope ${wanted} (check the scope input), in a token request of its own.`,
      setupStep: STEP_TOKEN_SCOPE,
    });
  }

  if (ctx.grant === 'password') {
    const scopes = (claims.scp ?? '').split(' ').filter(Boolean);
    const needed = DELEGATED_SCOPE[protocol];
    if (claims.scp !== undefined && !scopes.some((s) => s.toLowerCase() === needed.toLowerCase())) {
      findings.push({
        cause: `The token's scp lacks ${needed} (it has: ${scopes.join(' ') || 'nothing'}).`,
        remediation: `Add the delegated permission ${needed} (Microsoft Graph or Office 365 Exchange Online), grant admin consent, and request https://outlook.office.com/${needed}.`,
        setupStep: STEP_PERMISSIONS,
      });
    }
    if (claims.upn && claims.upn.toLowerCase() !== ctx.mailbox.toLowerCase()) {
      findings.push({
        cause: `The token belongs to ${claims.upn}, but the login names ${ctx.mailbox} (XOAUTH2 user=).`,
        remediation:
          `Use the signing-in account as the username, or, if ${ctx.mailbox} is a shared mailbox, give ${claims.upn} access: ` +
          `Add-MailboxPermission -Identity ${ctx.mailbox} -User ${claims.upn} -AccessRights FullAccess`,
      });
    }
  } else {
    const needed = APP_ROLE[protocol];
    if (!(claims.roles ?? []).includes(needed)) {
      findings.push({
        cause: `The app-only token's roles lack ${needed} (it has: ${(claims.roles ?? []).join(' ') || 'no roles'}).`,
        remediation: `Add the application permission ${needed} under Office 365 Exchange Online (APIs my organization uses) and grant admin consent.`,
        setupStep: STEP_PERMISSIONS,
      });
    }
  }
  return findings;
}

function exchangeSetupCommands(ctx: DiagnosisContext): string {
  const sp = ctx.servicePrincipalObjectId ?? '<Enterprise application object ID>';
  return [
    `New-ServicePrincipal -AppId ${ctx.clientId} -ObjectId ${sp}`,
    `Add-MailboxPermission -Identity ${ctx.mailbox} -User ${sp} -AccessRights FullAccess`,
    'Use the object ID shown under Enterprise applications, not the one on the App registration page: ' +
      'the wrong one makes logins fail the same way.',
  ].join('\n');
}

function appOnlyRefused(summary: string, ctx: DiagnosisContext, protocol: MailProtocol): Diagnosis {
  return {
    summary,
    cause:
      `Exchange Online refused the app-only token although it looks right for ${LABEL[protocol]}: ` +
      `the app's service principal is not registered in Exchange Online, or it has no permission on ${ctx.mailbox}.`,
    remediation: `In Exchange Online PowerShell (Connect-ExchangeOnline):\n${exchangeSetupCommands(ctx)}`,
    setupStep: STEP_EXCHANGE_SP,
  };
}

function notConnected(summary: string, ctx: DiagnosisContext, protocol: MailProtocol): Diagnosis {
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

function protocolSwitch(ctx: DiagnosisContext, protocol: MailProtocol): string {
  if (protocol === 'imap') return `Set-CASMailbox -Identity ${ctx.mailbox} -ImapEnabled $true`;
  if (protocol === 'pop') return `Set-CASMailbox -Identity ${ctx.mailbox} -PopEnabled $true`;
  return `Set-CASMailbox -Identity ${ctx.mailbox} -SmtpClientAuthenticationDisabled $false`;
}

function protocolDisabled(
  summary: string,
  ctx: DiagnosisContext,
  protocol: MailProtocol,
  why: string,
): Diagnosis {
  return {
    summary,
    cause: `${LABEL[protocol]} is disabled for ${ctx.mailbox}. ${why}`,
    remediation: `In Exchange Online PowerShell: ${protocolSwitch(ctx, protocol)}`,
  };
}

function delegatedRefused(
  summary: string,
  ctx: DiagnosisContext,
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

function smtpAuthDisabled(summary: string, reply: string, ctx: DiagnosisContext): Diagnosis {
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

function normalise(value: string): string {
  return value.toLowerCase().replace(/\/+$/, '');
}

function lastLine(text: string): string {
  const lines = text.split('\n');
  return lines[lines.length - 1] ?? text; // SMTP: the last line carries the code
}
