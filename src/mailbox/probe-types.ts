// Public shapes of the mailbox probes (the engine depends on these names).
import type { MailProtocol } from '../settings/types.js';

export type { MailProtocol };

/** imap/pop: implicit TLS; smtp: plain, then STARTTLS. */
export interface MailEndpoint {
  host: string;
  port: number;
}

export interface ProbeOptions {
  /** Limit for each phase of server waiting: the pre-auth phase, then authenticate(). */
  timeoutMs: number;
  /** Extra trust anchor(s), e.g. a test server's self-signed certificate. Never disables checks. */
  ca?: string | Buffer;
  signal?: AbortSignal;
  /** TLS SNI and certificate name; defaults to the host unless it is an IP address. */
  servername?: string;
}

/** One protocol line; client lines carrying credentials show `<redacted>` in their place. */
export interface TranscriptLine {
  dir: 'C' | 'S';
  text: string;
}

export type ProbeStage =
  'connect' | 'tls' | 'greeting' | 'starttls' | 'authenticate' | 'post-auth' | 'logout';

export interface ProbeOutcome {
  protocol: MailProtocol;
  ok: boolean;
  /** Stage reached (on success: the last one run) or where it failed. */
  stage: ProbeStage;
  /** The server's exact failing reply; on success its reply to the authentication. Never the token. */
  reply?: string;
  /** Short reply code, e.g. '535 5.7.139', 'NO [AUTHENTICATIONFAILED]', 'BAD', '-ERR [AUTH]'. */
  code?: string;
  timedOut?: boolean;
  /** Network-level failure text naming host:port (refused, DNS, certificate, timeout, closed). */
  error?: string;
  /** Machine-readable network error code when there is one: 'ECONNREFUSED', 'ENOTFOUND', 'CERT_HAS_EXPIRED'... */
  errorCode?: string;
  transcript: TranscriptLine[];
  /** Time spent waiting on the server (pre-auth + authenticate), without the idle gap between. */
  durationMs: number;
}

export interface MailProbe {
  /**
   * Settles (never rejects) when TCP + TLS + greeting (+ EHLO/STARTTLS/EHLO for SMTP) are done or
   * have failed; authenticate() then reports either way.
   */
  ready: Promise<void>;
  /** Logs in once; a second call does not log in again. Never rejects. */
  authenticate(mailbox: string, accessToken: string): Promise<ProbeOutcome>;
  close(): void;
}

/** What a login showed about the setup: ok, refused by the server, or nothing to tell. */
export type ProbeResult = 'ok' | 'refused' | 'unknown';
export type ProbeResults = Partial<Record<MailProtocol, ProbeResult>>;
