// Starts real XOAUTH2 mail servers (Dovecot IMAPS/POP3S + Postfix SMTP/STARTTLS) for a test
// file, or says why it cannot. Usage (once per file):
//
//   const unavailable = mailPeersUnavailable();
//   (unavailable ? describe.skip : describe)(`... ${unavailable ? `(skipped: ${unavailable})` : ''}`, () => {
//     let peers: MailPeers;
//     beforeAll(async () => { peers = await startMailPeers({ publicKeyPem, kid, clientIds, issuer }) as MailPeers; });
//     afterAll(() => peers?.stop());
//   });
import type { MailEndpoint } from '../../src/mailbox/probe-types.js';
import { peersUnavailable, startPeers } from '../../scripts/mail-peers/peers.js';
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID } from '../../sandbox/tenant.js';

/** `aud` of delegated Exchange tokens (app-only ones carry https://outlook.office365.com). */
export const DELEGATED_AUDIENCE = 'https://outlook.office.com';

export interface MailPeers {
  imap: MailEndpoint;
  pop: MailEndpoint;
  smtp: MailEndpoint;
  /** The servers' self-signed certificate, to pass as the probes' `ca`. */
  ca: string;
  /** Dovecot's log (one `oauth2 failed: <reason>` line per refused token). */
  logPath: string;
  startupMs: number;
  stop(): Promise<void>;
}

export interface MailPeersOptions {
  publicKeyPem: string;
  kid: string;
  /** Values of `azp` in test tokens (Dovecot looks keys up by azp when present). */
  clientIds: string[];
  /** Accepted `iss`, e.g. `https://sts.windows.net/<tenant-guid>/`. */
  issuer: string;
  /**
   * The one `aud` the servers accept (Dovecot 2.3 takes a single value); default
   * DELEGATED_AUDIENCE. For app-only tokens start peers with 'https://outlook.office365.com'.
   */
  audience?: string;
  /** Claim naming the mailbox; default `upn` (the sandbox's tokens use `mailbox`). */
  usernameClaim?: string;
  /** The SMTP server refuses every valid token with this text (scripts/mail-peers/peers.ts). */
  smtpRefusal?: string;
}

/** Why real peers cannot run on this machine (not installed, not root), or undefined. */
export function mailPeersUnavailable(): string | undefined {
  return peersUnavailable();
}

export async function startMailPeers(
  options: MailPeersOptions,
): Promise<MailPeers | { skipped: string }> {
  const unavailable = peersUnavailable();
  if (unavailable) return { skipped: unavailable };
  const peers = await startPeers({
    publicKeyPem: options.publicKeyPem,
    kid: options.kid,
    clientIds: options.clientIds,
    issuers: [options.issuer],
    audience: options.audience ?? DELEGATED_AUDIENCE,
    usernameClaim: options.usernameClaim,
    smtpRefusal: options.smtpRefusal,
    keepDir: process.env.KEEP_MAIL_PEERS === '1',
  });
  return {
    imap: peers.imap,
    pop: peers.pop,
    smtp: peers.smtp,
    ca: peers.ca,
    logPath: peers.logPath,
    startupMs: peers.startupMs,
    stop: () => peers.stop(),
  };
}

/**
 * Mail servers that trust a sandbox tenant's tokens: its signing key, issuer and client id, and
 * the sandbox-only `mailbox` claim as the login name. Throws when they cannot run (callers skip
 * first with mailPeersUnavailable()).
 */
export async function startSandboxMailPeers(
  key: { publicKeyPem: string; kid: string },
  audience = DELEGATED_AUDIENCE,
  smtpRefusal?: string,
): Promise<MailPeers> {
  const started = await startMailPeers({
    publicKeyPem: key.publicKeyPem,
    kid: key.kid,
    clientIds: [SANDBOX_CLIENT_ID],
    issuer: `https://sts.windows.net/${SANDBOX_TENANT_ID}/`,
    audience,
    usernameClaim: 'mailbox',
    smtpRefusal,
  });
  if ('skipped' in started) throw new Error(started.skipped);
  return started;
}
