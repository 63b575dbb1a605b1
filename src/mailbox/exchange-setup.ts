// The Exchange Online PowerShell that authorizes an app-only (client-credentials) principal for a
// mailbox, with the IDs filled in. Two routes exist and both are printed:
// - Entra app roles (IMAP.AccessAsApp, POP.AccessAsApp, SMTP.SendAsApp, tenant-wide once
//   consented) plus the app's service principal in Exchange and a mailbox permission
//   (https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth);
// - Exchange RBAC for Applications: a management scope and a role assignment for the app, with
//   no Entra permission (Microsoft advises against also consenting it)
//   (https://learn.microsoft.com/exchange/client-developer/legacy-protocols/smtp-app-rbac-onboarding).
// Microsoft documents an RBAC role for SMTP (Application SMTP.SendAsApp); whether IMAP and POP
// have one it does not say, so for them the mailbox permission is given and the login decides.
// Pure text: loaded by the permissions check without the probe code.
// Every value is written as a literal (text/command-values.ts): the service principal's id comes
// from Graph and the mailbox from an input that may hold a quote.
import type { MailProtocol } from './probe-types.js';
import {
  graphId,
  isGraphId,
  psLiteral,
  psWord,
  UNEXPECTED_ID_NOTE,
} from '../text/command-values.js';

export interface ExchangeIds {
  /** Application (client) ID. */
  clientId: string;
  /** Object ID of the app's service principal (Enterprise applications), when Graph showed it. */
  servicePrincipalObjectId?: string;
  mailbox: string;
}

const SP_PLACEHOLDER = '<object ID from Entra ID → Enterprise applications → your app>';

export const spObjectId = (ids: ExchangeIds): string =>
  ids.servicePrincipalObjectId === undefined
    ? SP_PLACEHOLDER
    : graphId(ids.servicePrincipalObjectId);

const clientId = (ids: ExchangeIds): string => graphId(ids.clientId);
const mailbox = (ids: ExchangeIds): string => psWord(ids.mailbox);

export const newServicePrincipal = (ids: ExchangeIds): string =>
  `New-ServicePrincipal -AppId ${clientId(ids)} -ObjectId ${spObjectId(ids)}`;

export const addMailboxPermission = (ids: ExchangeIds): string =>
  `Add-MailboxPermission -Identity ${mailbox(ids)} -User ${spObjectId(ids)} -AccessRights FullAccess`;

export const getMailboxPermission = (ids: ExchangeIds): string =>
  `Get-MailboxPermission -Identity ${mailbox(ids)} -User ${spObjectId(ids)}`;

export const getServicePrincipal = (ids: ExchangeIds): string =>
  `Get-ServicePrincipal -Identity ${clientId(ids)} | fl AppId,ObjectId`;

export const testAuthorization = (ids: ExchangeIds): string =>
  `Test-ServicePrincipalAuthorization -Identity ${spObjectId(ids)} -Resource ${mailbox(ids)}`;

/** The Exchange RBAC role Microsoft documents per protocol; undefined where it documents none. */
const RBAC_ROLE: Partial<Record<MailProtocol, string>> = {
  smtp: 'Application SMTP.SendAsApp',
};

const scopeName = (ids: ExchangeIds) => psLiteral(`mail-preflight ${ids.mailbox}`);

/**
 * The filter is OPATH inside a PowerShell string, the address an OPATH '...' value: an address of
 * letters, digits and `._%+-@` has nothing either language reads (no quote, `$` or backtick), so
 * it is written as Microsoft's pages write it; any other address could end the OPATH value and
 * widen the scope, so a placeholder stands in for it.
 */
const recipientFilter = (ids: ExchangeIds) =>
  `"PrimarySmtpAddress -eq '${/^[A-Za-z0-9._%+@-]+$/.test(ids.mailbox) ? ids.mailbox : '<mailbox address>'}'"`;

export function rbacCommands(ids: ExchangeIds, protocol: MailProtocol): string[] {
  const role = RBAC_ROLE[protocol];
  if (!role)
    return [
      `Microsoft documents no Exchange RBAC role for ${protocol.toUpperCase()}; give the mailbox permission instead: ${addMailboxPermission(ids)}`,
    ];
  return [
    `New-ManagementScope -Name ${scopeName(ids)} -RecipientRestrictionFilter ${recipientFilter(ids)}`,
    `New-ManagementRoleAssignment -App ${spObjectId(ids)} -Role "${role}" -CustomResourceScope ${scopeName(ids)}`,
  ];
}

/** Both routes for one protocol, each complete, with the check that proves it. */
export function appOnlyRoutes(ids: ExchangeIds, protocol: MailProtocol, appRole: string): string {
  const sp = newServicePrincipal(ids);
  return [
    `Route A (Entra app role): add ${appRole} (Office 365 Exchange Online, application) and grant admin consent; then in Exchange Online PowerShell:`,
    `  ${sp}`,
    `  ${addMailboxPermission(ids)}`,
    `Route B (Exchange RBAC for Applications, no tenant-wide ${appRole}): in Exchange Online PowerShell:`,
    `  ${sp}`,
    ...rbacCommands(ids, protocol).map((c) => `  ${c}`),
    `  Check: ${testAuthorization(ids)}`,
    'Use the object ID shown under Enterprise applications, not the one on the App registration page: the wrong one makes logins fail the same way.',
    ...(ids.servicePrincipalObjectId !== undefined && !isGraphId(ids.servicePrincipalObjectId)
      ? [UNEXPECTED_ID_NOTE]
      : []),
  ].join('\n');
}
