// The `mailbox` checks: log in as the connector will (IMAP or POP for reading, SMTP for sending)
// with the run's mail token, without changing anything. Connections (TCP, TLS, greeting,
// STARTTLS) open while the token is being fetched; authentication follows the moment it arrives.
// The probe code loads lazily, so a token-only run does not pay for it.
import type { Check, CheckOutput } from '../engine/check.js';
import type { CheckId, CheckResult } from '../engine/types.js';
import { exchangeAudiences } from '../identity/exchange-audiences.js';
import { decodeClaims } from '../identity/jwt-claims.js';
import type { MailProtocol, ProbeOutcome, ProbeResults } from '../mailbox/probe-types.js';
import { registration, type CheckContext } from './context.js';

const TITLES: Record<MailProtocol, string> = {
  imap: 'Mailbox login (IMAP)',
  pop: 'Mailbox login (POP)',
  smtp: 'Mailbox login (SMTP)',
};
/** Each probe phase's own limit; the run's deadline caps it. */
const PROBE_TIMEOUT_MS = 15_000;
const IDS: Record<MailProtocol, CheckId> = {
  imap: 'mailbox-imap',
  pop: 'mailbox-pop',
  smtp: 'mailbox-smtp',
};

/** Which protocols the connector's activities use. */
function protocolsFor(ctx: CheckContext): MailProtocol[] {
  const { activities, readProtocol } = ctx.settings;
  const protocols: MailProtocol[] = [];
  if (activities.includes('read')) protocols.push(readProtocol);
  if (activities.includes('send')) protocols.push('smtp');
  return protocols;
}

export const mailboxCheck: Check<CheckContext> = {
  name: 'mailbox',
  reports: [
    { id: IDS.imap, title: TITLES.imap },
    { id: IDS.pop, title: TITLES.pop },
    { id: IDS.smtp, title: TITLES.smtp },
  ],
  async run(ctx) {
    const { results, outputs } = await mailboxLogins(ctx);
    return outputs ? { results, outputs } : { results };
  },
};

export interface MailboxLogins extends CheckOutput {
  /** What each login showed, for the permissions check (`exchange-authorization: auto`). */
  logins: ProbeResults;
}

/**
 * The logins, done once per run: the mailbox check reports them, and the permissions check reads
 * what they showed (a working app-only login proves Exchange authorized the app). Only a run whose
 * `checks` include `mailbox` logs in.
 */
export const mailboxLogins = (ctx: CheckContext): Promise<MailboxLogins> =>
  ctx.once('mailbox-logins', () => logIn(ctx));

async function logIn(ctx: CheckContext): Promise<MailboxLogins> {
  // The token request goes out first: loading the probe code must not delay it.
  const pendingToken = ctx.tokens.mail();
  const mail = await import('../mailbox/index.js');
  const protocols = protocolsFor(ctx);
  const { endpoints, username } = ctx.settings;
  const probeTimeout = Math.min(PROBE_TIMEOUT_MS, ctx.deadline.remainingMs());
  const probes = protocols.map((protocol) => {
    const open =
      protocol === 'imap'
        ? mail.openImapProbe
        : protocol === 'pop'
          ? mail.openPopProbe
          : mail.openSmtpProbe;
    return {
      protocol,
      probe: open(endpoints[protocol], {
        timeoutMs: probeTimeout,
        ca: ctx.adapters.mailCa,
        signal: ctx.deadline.signal,
      }),
    };
  });
  try {
    const token = await pendingToken;
    if (!token.ok) {
      return {
        logins: {},
        results: probes.map(({ protocol }) => ({
          id: IDS[protocol],
          title: TITLES[protocol],
          status: 'skip' as const,
          summary: 'not checked: needs the token (see Access token)',
        })),
      };
    }
    const accessToken = token.token.accessToken;
    // The base64 SASL string is a different string from the token: mask it too.
    ctx.adapters.registerSecret(mail.xoauth2InitialResponse(username, accessToken));
    const claims = decodeClaims(accessToken);
    const outcomes = await Promise.all(
      probes.map(({ probe }) => probe.authenticate(username, accessToken)),
    );
    const deadlineCappedProbe = probeTimeout < PROBE_TIMEOUT_MS;
    const results = await Promise.all(
      outcomes.map((outcome) => probeResult(ctx, outcome, claims, deadlineCappedProbe)),
    );
    const logins: ProbeResults = {};
    outcomes.forEach((outcome, i) => {
      // Refused: Exchange answered the login with a refusal that fails the check (not a
      // transient warning, not a network fault or a session refused before any login).
      const refused =
        results[i]!.status === 'fail' &&
        outcome.reply !== undefined &&
        outcome.stage !== 'greeting' &&
        outcome.stage !== 'starttls';
      logins[outcome.protocol] = outcome.ok ? 'ok' : refused ? 'refused' : 'unknown';
    });
    return { results, outputs: { token: token.token }, logins };
  } finally {
    for (const { probe } of probes) probe.close();
  }
}

async function probeResult(
  ctx: CheckContext,
  outcome: ProbeOutcome,
  claims: ReturnType<typeof decodeClaims>,
  /** The probe's own time limit was the run's remaining time, not PROBE_TIMEOUT_MS. */
  deadlineCappedProbe: boolean,
): Promise<CheckResult> {
  const { protocol } = outcome;
  const where = `${ctx.settings.endpoints[protocol].host}:${ctx.settings.endpoints[protocol].port}`;
  const transcript = outcome.transcript.map((l) => `${l.dir}: ${l.text}`).join('\n');
  if (outcome.ok) {
    return {
      id: IDS[protocol],
      title: TITLES[protocol],
      status: 'pass',
      summary: `${ctx.settings.username} logged in over ${protocol.toUpperCase()} at ${where} with XOAUTH2 in ${outcome.durationMs} ms`,
      details: transcript,
    };
  }
  // The run's deadline aborted the probe while it waited on the server: name the deadline, not a
  // network fault (the probe's own error only says it was aborted). A refusal, a socket error or
  // the probe's own timeout keep their diagnosis.
  // When the deadline was nearer than the probe's own limit, the probe's timeout and the deadline's
  // abort are the same event (whichever timer fires first): both mean the deadline.
  // The probe's own timeout carries ETIMEDOUT, so the socket-error test must not apply to it:
  // under load the probe's timer can fire a moment before the deadline's.
  const cutByDeadline =
    !outcome.reply &&
    (outcome.timedOut ? deadlineCappedProbe : !outcome.errorCode && ctx.deadline.signal.aborted);
  if (cutByDeadline) {
    return {
      id: IDS[protocol],
      title: TITLES[protocol],
      status: 'fail',
      summary: `${protocol.toUpperCase()} ${outcome.stage}: no answer from ${where} before the run's deadline (timeout-seconds: ${Math.round(ctx.deadline.totalMs / 1000)})`,
      details: [outcome.error ?? '', transcript].filter(Boolean).join('\n'),
      remediation:
        'Check that this runner can reach the host and port (firewall, egress rules; HTTP proxies do not carry IMAP/POP/SMTP), or raise `timeout-seconds` if the earlier steps took most of it.',
    };
  }
  const { diagnoseMailOutcome } = await import('../mailbox/index.js');
  const spObjectId = await servicePrincipalObjectId(ctx);
  const diagnosis = diagnoseMailOutcome(outcome, {
    grant: ctx.settings.grant,
    exchangeAuthorization: ctx.settings.exchangeAuthorization,
    clientId: ctx.settings.clientId,
    mailbox: ctx.settings.username,
    servicePrincipalObjectId: spObjectId,
    claims,
    expectedAudiences: exchangeAudiences(ctx.settings),
  });
  return {
    id: IDS[protocol],
    title: TITLES[protocol],
    // warn: a fault on Microsoft's side (run again); every other refusal fails the check.
    status: diagnosis.status ?? 'fail',
    // One line: what was refused, at which host:port, and the most likely cause (the exact
    // reply is in details).
    summary: `${beforeColon(diagnosis.summary)} at ${where}: ${diagnosis.headline ?? firstSentence(diagnosis.cause)}`,
    details: [
      `Cause: ${diagnosis.cause}`,
      outcome.reply ? `Server reply: ${outcome.reply}` : (outcome.error ?? ''),
      transcript,
    ]
      .filter(Boolean)
      .join('\n'),
    remediation: diagnosis.setupStep
      ? `${diagnosis.setupStep}: ${diagnosis.remediation}`
      : diagnosis.remediation,
    code: outcome.code,
  };
}

/**
 * The app's service principal object id, for the Exchange commands an app-only refusal needs.
 * Read from the registration batch (shared with the permissions check, so usually free).
 */
async function servicePrincipalObjectId(ctx: CheckContext): Promise<string | undefined> {
  if (ctx.settings.grant !== 'client-credentials' || ctx.settings.clientAuth === 'none')
    return undefined;
  const sp = (await registration(ctx)).servicePrincipal;
  return sp?.ok ? sp.value.id : undefined;
}

const beforeColon = (text: string): string =>
  text.includes(':') ? text.slice(0, text.indexOf(':')) : text;

const firstSentence = (text: string): string => /^.*?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text;
