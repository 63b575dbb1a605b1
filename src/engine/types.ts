// The engine's vocabulary: check results, the report of the contract, and the adapters through
// which the engine reaches the outside world. Nothing here knows about @actions/core.
import type { RetryPolicy } from '../http/retry-policy.js';
import type { Transport } from '../http/transport.js';
import type { HttpClient } from '../http/types.js';
import type { Settings } from '../settings/types.js';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';
/** Every result id of the contract, in report order. */
export const CHECK_IDS = [
  'inputs',
  'token',
  'permissions',
  'secret-expiry',
  'mailbox-imap',
  'mailbox-pop',
  'mailbox-smtp',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export type Verdict = 'pass' | 'warn' | 'fail';

/** A table a check wants shown in the summary (permission table, secrets table, ...). */
export interface DetailTable {
  caption: string;
  headers: string[];
  rows: string[][];
}

export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** One line. */
  summary: string;
  details?: string;
  remediation?: string;
  /** e.g. AADSTS50126 or 535 5.7.139 */
  code?: string;
  /** Not part of the JSON report: richer content for the job summary. */
  tables?: DetailTable[];
  /** Not part of the JSON report: one annotation per finding (e.g. per expiring credential). */
  annotations?: CheckAnnotation[];
  /**
   * Not part of the JSON report: this result's failure follows entirely from the mail token
   * request failing, so the Access token row alone stays red (engine/one-cause.ts).
   * `needs-token`: it had no token to check with. An AADSTS code: every failure here is what that
   * refusal means, seen from another side (AADSTS65001: the delegated permissions without consent).
   */
  followsFrom?: 'needs-token' | `AADSTS${number}`;
}

/** An annotation a check asks for besides its own result line. */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface CheckAnnotation {
  level: AnnotationLevel;
  title: string;
  message: string;
}

export interface SecretReport {
  keyId: string;
  displayName: string;
  hint: string;
  endDateTime: string;
  daysLeft: number;
  inUse: boolean;
  app: string;
  /** Not in the contract's report: 'password' for secrets, 'certificate' for keyCredentials. */
  kind?: 'password' | 'certificate';
  /** Certificates: the SHA-1 thumbprint in upper-case hex (from Graph's customKeyIdentifier or key). */
  thumbprint?: string;
}

export interface Report {
  version: 1;
  result: Verdict;
  tenantId: string;
  clientId: string;
  grant: Settings['grant'] | null;
  checks: CheckResult[];
  token: { expiresOn: string; scopes: string[] } | null;
  secrets: SecretEntries;
}

/**
 * The report's `secrets` entries, in report order, read as often as needed: an array, or a list
 * read back one entry at a time (a tenant scan keeps its findings in a file until the report is
 * written: credentials/secret-log.ts).
 */
export interface SecretEntries extends Iterable<SecretReport> {
  readonly length: number;
}

/** The token the run obtained for the mailbox, handed to later steps by the front end. */
export interface IssuedToken {
  accessToken: string;
  refreshToken?: string;
  expiresOn: Date;
  scopes: string[];
  tokenType: string;
}

/** Everything a front end needs after a run. */
export interface PreflightOutcome {
  report: Report;
  token?: IssuedToken;
  /** `resource:Permission (type)` strings, contract format. */
  missingPermissions: string[];
  /** The client secret in use, when its expiry could be read. */
  secretInUse?: { endDateTime: string; daysLeft: number };
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

/**
 * Registers a value that must never be printed. The action maps it to core.setSecret, the CLI
 * to its own redactor. Called the moment a secret value (token) is parsed.
 */
export type SecretRegistry = (value: string) => void;

export interface Adapters {
  log: Logger;
  registerSecret: SecretRegistry;
  now: () => Date;
  /** Replaces the run's HTTP client (unit tests without a server; the deadline is then theirs). */
  http?: HttpClient;
  /** How HTTP requests go out; by default node:http(s) through the environment's proxy. */
  transport?: Transport;
  /** Tests shorten the backoff; production uses the default policy. */
  retryPolicy?: RetryPolicy;
  /** Extra CA certificates to trust for mail TLS (tests use a per-run CA). */
  mailCa?: string;
  /** Progress of long operations (tenant scans): the CLI shows a progress line. */
  progress?: (message: string) => void;
}
