// Turns a probe outcome into a cause and a fix, as certain as the reply allows. A reply Exchange
// gives a meaning to (5.7.139, "authenticated but not connected", "Server Unavailable") gets that
// meaning and nothing else; a generic refusal gets the plausible causes, ranked with what the
// token and the registration show; anything else is quoted and called unknown.
// Replies: exchange-replies.ts; causes of generic refusals: generic-causes.ts.
import { claimFindings } from './diagnose-claims.js';
import { LABEL, type Diagnosis, type MailDiagnosisContext } from './diagnose-common.js';
import { notConnected } from './diagnose-exchange.js';
import { networkDiagnosis } from './diagnose-network.js';
import { classifyReply } from './exchange-replies.js';
import { rankGenericCauses } from './generic-causes.js';
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
  const known = classifyReply(protocol, reply);

  if (known?.class === 'transient') {
    return {
      summary,
      status: 'warn',
      replyClass: 'transient',
      headline: firstSentence(known.meaning),
      cause: `${label} answered "${lastLine(reply)}": ${known.meaning}`,
      remediation: known.fix(ctx.mailbox),
    };
  }
  if (/not offered/.test(outcome.code ?? '')) {
    return {
      summary,
      replyClass: 'protocol',
      cause:
        outcome.stage === 'greeting' || outcome.stage === 'starttls'
          ? `The server does not offer what Exchange Online offers (${outcome.code}): this is probably not the Exchange Online ${label} endpoint.`
          : `The server does not offer SASL XOAUTH2 (${outcome.code}).`,
      remediation: `Point the ${label} endpoint at Exchange Online (public cloud: outlook.office365.com:993 IMAP, :995 POP, smtp.office365.com:587 SMTP).`,
    };
  }
  if (outcome.stage === 'greeting' || outcome.stage === 'starttls') {
    return {
      summary,
      replyClass: known?.class ?? 'unknown',
      cause: `The ${label} server refused the session before any login: "${lastLine(reply)}".`,
      remediation:
        'Check the endpoint (host and port) for your cloud; retry later if it is a temporary refusal (4xx / BYE).',
    };
  }
  if (known?.id === 'imap-not-connected') return notConnected(summary, ctx, protocol);
  if (known && known.class !== 'generic') {
    return {
      summary,
      replyClass: known.class,
      headline: firstSentence(known.meaning),
      cause: `${label} answered "${lastLine(reply)}": ${known.meaning}`,
      remediation: known.fix(ctx.mailbox),
    };
  }
  if (known) return genericDiagnosis(summary, reply, ctx, outcome, label, known.meaning);
  return unknownDiagnosis(summary, reply, ctx, outcome, label);
}

function genericDiagnosis(
  summary: string,
  reply: string,
  ctx: MailDiagnosisContext,
  outcome: ProbeOutcome,
  label: string,
  meaning: string,
): Diagnosis {
  const { causes, ruledOut } = rankGenericCauses(outcome.protocol, ctx);
  const numbered = causes.map((c, i) => `(${i + 1}) ${c.cause}`);
  const first = causes[0]!;
  return {
    summary,
    replyClass: 'generic',
    causes: causes.map((c) => c.cause),
    ruledOut,
    headline: `most likely ${firstSentence(first.cause)} (a generic refusal: ${causes.length} possible causes in the details)`,
    cause:
      `${label} answered "${lastLine(reply)}": ${meaning} The likely causes, most likely first: ${numbered.join('; ')}.` +
      (ruledOut.length ? ` Ruled out: ${ruledOut.join('; ')}.` : ''),
    remediation: causes
      .map((c, i) => `${i + 1}. ${c.cause}\n   check: ${c.check}\n   fix: ${c.fix}`)
      .join('\n'),
    ...(first.setupStep ? { setupStep: first.setupStep } : {}),
  };
}

function unknownDiagnosis(
  summary: string,
  reply: string,
  ctx: MailDiagnosisContext,
  outcome: ProbeOutcome,
  label: string,
): Diagnosis {
  const shown = claimFindings(ctx, outcome.protocol);
  return {
    summary,
    replyClass: 'unknown',
    ...(shown[0]
      ? {
          headline: `an unknown reply; the token shows: ${firstSentence(shown[0].cause)}`,
          ...(shown[0].setupStep ? { setupStep: shown[0].setupStep } : {}),
        }
      : {}),
    cause:
      `${label} answered a reply this preflight does not know: "${reply}". Its cause is unknown.` +
      (shown.length ? ` The token shows: ${shown.map((f) => f.cause).join(' ')}` : ''),
    remediation: [
      ...shown.map((f) => f.remediation),
      'Search for the exact reply text (Microsoft 365 service health, Exchange Online documentation), and report it with the transcript so it can be catalogued.',
    ].join('\n'),
  };
}

const firstSentence = (text: string): string => /^.*?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text;

function lastLine(text: string): string {
  const lines = text.split('\n');
  return lines[lines.length - 1] ?? text; // SMTP: the last line carries the code
}
