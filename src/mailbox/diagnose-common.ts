// Shapes shared by the diagnosis files, and the connector's setup steps they point to
// (docs/setup.md, docs/troubleshooting.md).
import type { TokenClaims } from '../identity/jwt-claims.js';
import type { Grant } from '../settings/types.js';
import type { MailProtocol } from './probe-types.js';

export interface MailDiagnosisContext {
  grant: Grant;
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
  /** The connector's setup step (docs/setup.md, docs/troubleshooting.md) that was missed, when one fits. */
  setupStep?: string;
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
