// Turns a probe outcome into a cause and a fix. Exchange's refusals are generic ("AUTHENTICATE
// failed", "535 5.7.3"), so reply texts that name their cause (5.7.139, "authenticated but not
// connected") come first, then what the token's claims show, then the usual Exchange-side cause
// for the grant. Replies and causes: docs/checks.md, Mailbox login, and
// https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
import { claimFindings } from './diagnose-claims.js';
import { LABEL, type Diagnosis, type MailDiagnosisContext } from './diagnose-common.js';
import {
  appOnlyRefused,
  delegatedRefused,
  notConnected,
  protocolDisabled,
  smtpAuthDisabled,
} from './diagnose-exchange.js';
import { networkDiagnosis } from './diagnose-network.js';
import type { ProbeOutcome } from './probe-types.js';

export type { Diagnosis, MailDiagnosisContext } from './diagnose-common.js';
export type { TokenClaims } from '../identity/jwt-claims.js';
export { STEP_EXCHANGE_SP, STEP_PERMISSIONS, STEP_TOKEN_SCOPE } from './diagnose-common.js';

export function diagnoseMailOutcome(outcome: ProbeOutcome, ctx: MailDiagnosisContext): Diagnosis {
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

function replyDiagnosis(
  outcome: ProbeOutcome,
  ctx: MailDiagnosisContext,
  label: string,
): Diagnosis {
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
      remediation: `Point the ${label} endpoint at Exchange Online (public cloud: outlook.office365.com:993 IMAP, :995 POP, smtp.office365.com:587 SMTP).`,
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

function lastLine(text: string): string {
  const lines = text.split('\n');
  return lines[lines.length - 1] ?? text; // SMTP: the last line carries the code
}
