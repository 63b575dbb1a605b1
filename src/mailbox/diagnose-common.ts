// Shapes shared by the diagnosis files, and the connector's setup steps they point to
// (docs/setup.md, docs/troubleshooting.md).
import type { TokenClaims } from '../identity/jwt-claims.js';
import type { ExchangeAuthorization, Grant } from '../settings/types.js';
import type { ReplyClass } from './exchange-replies.js';
import type { MailProtocol } from './probe-types.js';

export interface MailDiagnosisContext {
  grant: Grant;
  clientId: string;
  mailbox: string;
  /** Object ID of the Enterprise application (service principal), when known. */
  servicePrincipalObjectId?: string;
  claims?: TokenClaims;
  /** Every audience an Exchange token may carry here (identity/exchange-audiences.ts). */
  expectedAudiences: string[];
  /** How app-only access is authorized (the `exchange-authorization` input); default auto. */
  exchangeAuthorization?: ExchangeAuthorization;
  /** Clock for the expiry check (ms since epoch); defaults to now. */
  now?: number;
}

export interface Diagnosis {
  summary: string;
  cause: string;
  remediation: string;
  /** The connector's setup step (docs/setup.md, docs/troubleshooting.md) that was missed, when one fits. */
  setupStep?: string;
  /** `warn` for a fault on Microsoft's side (run again); otherwise the probe failed. */
  status?: 'warn';
  /** What kind of reply it was; `unknown` when no catalogued reply matches. */
  replyClass?: ReplyClass | 'unknown';
  /** The one-line gist for the check's summary when the cause's first sentence is not it. */
  headline?: string;
  /** For a generic refusal: the plausible causes, most likely first. */
  causes?: string[];
  /** For a generic refusal: causes the evidence rules out, each with why. */
  ruledOut?: string[];
}

export const LABEL: Record<MailProtocol, string> = { imap: 'IMAP', pop: 'POP', smtp: 'SMTP' };

/** A cause the evidence supports, with its fix. */
export interface Finding {
  cause: string;
  remediation: string;
  setupStep?: string;
}

export const STEP_PERMISSIONS =
  'Step 3 (Permissions): API permissions → Add a permission, then grant admin consent';
export const STEP_EXCHANGE_SP =
  'Step 4 (Connect the registration to Exchange Online): New-ServicePrincipal and Add-MailboxPermission';
export const STEP_TOKEN_SCOPE = 'Step 6 (Get tokens): the scopes the token request asks for';
