// The `exchange-authorization` input: how an app-only principal is authorized for mail.
// - entra: the Exchange Online app roles (IMAP.AccessAsApp, POP.AccessAsApp, SMTP.SendAsApp) are
//   required as before.
// - rbac: Exchange RBAC for Applications authorizes the app; the Entra roles are not required, and
//   holding them is noted as broader than needed (Microsoft advises against consenting them too,
//   https://learn.microsoft.com/exchange/client-developer/legacy-protocols/smtp-app-rbac-onboarding).
// - auto: a missing role fails only when the app-only login for its protocol failed too; a login
//   that worked shows Exchange authorized the app (RBAC or mailbox permission); with no login to
//   tell, a warning names both ways. Which protocols have RBAC roles Microsoft documents only for
//   SMTP, so the login decides for all three.
import type { MailProtocol, ProbeResults } from '../mailbox/probe-types.js';
import type { ExchangeAuthorization, Grant } from '../settings/types.js';
import type { Requirement } from './catalogue.js';
import type { HeldPermission, RegistrationEvidence } from './grants.js';
import type { PermissionRow } from './rows.js';

const ROLE_PROTOCOL: Record<string, MailProtocol> = {
  'imap.accessasapp': 'imap',
  'pop.accessasapp': 'pop',
  'smtp.sendasapp': 'smtp',
};

/** The mail protocol an Exchange Online app role authorizes, or undefined for other permissions. */
export function exchangeRoleProtocol(
  p: Pick<Requirement, 'resource' | 'type' | 'name'>,
): MailProtocol | undefined {
  return p.resource === 'exchange' && p.type === 'application'
    ? ROLE_PROTOCOL[p.name.toLowerCase()]
    : undefined;
}

/** With rbac the Exchange app roles are not required. */
export function requiredFor(required: Requirement[], mode: ExchangeAuthorization): Requirement[] {
  return mode === 'rbac' ? required.filter((r) => !exchangeRoleProtocol(r)) : required;
}

const MISSING = new Set(['not-configured', 'not-consented', 'absent-from-token']);

/** A row whose Exchange app role Entra does not show granted (a login may still prove access). */
export const unprovenRole = (row: PermissionRow): boolean =>
  row.verdict === 'fail' &&
  !!row.problem &&
  MISSING.has(row.problem) &&
  !!exchangeRoleProtocol(row.requirement);

/**
 * auto: each unproven Exchange app role judged by the app-only login of its protocol. Logins of a
 * delegated run say nothing about the app, so they count as no login.
 */
export function judgeByLogin(
  rows: PermissionRow[],
  results: ProbeResults,
  grant: Grant,
): PermissionRow[] {
  return rows.map((row) => {
    if (!unprovenRole(row)) return row;
    const result =
      grant === 'client-credentials' ? results[exchangeRoleProtocol(row.requirement)!] : undefined;
    if (result === 'ok')
      return { ...row, verdict: 'pass', problem: undefined, authorizedBy: 'exchange' };
    if (result === 'refused') return row;
    return { ...row, verdict: 'warn', problem: 'no-login-to-tell' };
  });
}

/**
 * rbac: Exchange app roles for the run's protocols that are consented anyway (tenant-wide, broader
 * than RBAC for Applications needs).
 */
export function rolesBroaderThanNeeded(
  evidence: RegistrationEvidence,
  protocols: readonly MailProtocol[],
): string[] {
  // Consented (appRoleAssignments): what applies tenant-wide; merely configured roles do not.
  const held: HeldPermission[] = evidence.appRoles.ok ? evidence.appRoles.value : [];
  const names = held
    .filter((p) => {
      const protocol = p.name
        ? exchangeRoleProtocol({ resource: p.resource, type: p.type, name: p.name })
        : undefined;
      return protocol !== undefined && protocols.includes(protocol);
    })
    .map((p) => p.name!);
  return [...new Set(names)].sort();
}
