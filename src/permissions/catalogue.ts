// Which permissions the run requires (contract: "Required permissions"): exactly what the grant,
// activities and read protocol need (`permissions-profile: flow`), or everything the connector's
// setup page lists (`email-connector`), plus `extra-permissions`. A permission is identified by
// resource, name and type; ids are resolved later, per tenant.
import {
  MAIL_PERMISSIONS,
  type PermissionRef,
  type PermissionType,
  type ResourceKey,
  type Settings,
} from '../settings/types.js';

export interface Requirement extends PermissionRef {
  /** Why the flow needs it, in words for the report. */
  why: string;
  /** IMAP/POP/SMTP delegated permissions count under Microsoft Graph or Exchange Online. */
  eitherResource?: boolean;
}

/** Delegated mail permissions that may be configured under either resource. */
export const MAIL_DELEGATED = new Set(Object.values(MAIL_PERMISSIONS).map((p) => p.delegated));
const { imap: IMAP, pop: POP, smtp: SMTP } = MAIL_PERMISSIONS;

const req = (
  resource: ResourceKey,
  name: string,
  type: PermissionType,
  why: string,
): Requirement => ({
  resource,
  name,
  type,
  why,
  ...(type === 'delegated' && MAIL_DELEGATED.has(name) ? { eitherResource: true } : {}),
});

const WHY = {
  imapUser: 'the mailbox user logs in to IMAP with XOAUTH2',
  popUser: 'the mailbox user logs in to POP with XOAUTH2',
  smtpUser: 'the mailbox user sends mail through SMTP AUTH with XOAUTH2',
  offline: 'a refresh token is issued, so later steps can renew the token without the password',
  imapApp: 'the app logs in to IMAP as itself (app-only XOAUTH2)',
  popApp: 'the app logs in to POP as itself (app-only XOAUTH2)',
  smtpApp: 'the app sends mail through SMTP AUTH as itself',
  mailSendApp: "the connector's setup page lists it (sending through Graph)",
  userReadAll: "the connector's setup page lists it (looking up users)",
  userRead: "the connector's setup page lists it (signing the user in when reading)",
};

export function requiredPermissions(
  settings: Pick<
    Settings,
    'grant' | 'activities' | 'readProtocol' | 'permissionsProfile' | 'extraPermissions'
  >,
): Requirement[] {
  const reads = settings.activities.includes('read');
  const sends = settings.activities.includes('send');
  const pop = settings.readProtocol === 'pop';
  const list: Requirement[] = [];
  if (settings.permissionsProfile === 'email-connector') {
    list.push(
      pop
        ? req('exchange', POP.application, 'application', WHY.popApp)
        : req('exchange', IMAP.application, 'application', WHY.imapApp),
      req('graph', 'Mail.Send', 'application', WHY.mailSendApp),
      req('graph', 'User.Read.All', 'application', WHY.userReadAll),
      req('graph', 'offline_access', 'delegated', WHY.offline),
    );
    if (reads) {
      list.push(
        req('graph', IMAP.delegated, 'delegated', WHY.imapUser),
        req('graph', 'User.Read', 'delegated', WHY.userRead),
      );
    }
    if (sends) list.push(req('graph', SMTP.delegated, 'delegated', WHY.smtpUser));
  } else if (settings.grant === 'password') {
    if (reads)
      list.push(
        pop
          ? req('graph', POP.delegated, 'delegated', WHY.popUser)
          : req('graph', IMAP.delegated, 'delegated', WHY.imapUser),
      );
    if (sends) list.push(req('graph', SMTP.delegated, 'delegated', WHY.smtpUser));
    list.push(req('graph', 'offline_access', 'delegated', WHY.offline));
  } else {
    if (reads)
      list.push(
        pop
          ? req('exchange', POP.application, 'application', WHY.popApp)
          : req('exchange', IMAP.application, 'application', WHY.imapApp),
      );
    if (sends) list.push(req('exchange', SMTP.application, 'application', WHY.smtpApp));
  }
  for (const extra of settings.extraPermissions) {
    list.push(req(extra.resource, extra.name, extra.type, 'listed in `extra-permissions`'));
  }
  return dedupe(list);
}

/** The contract's format: `graph:SMTP.Send (delegated)`. */
export const formatPermission = (p: PermissionRef): string => `${p.resource}:${p.name} (${p.type})`;

function dedupe(list: Requirement[]): Requirement[] {
  const seen = new Map<string, Requirement>();
  for (const r of list) {
    // A mail delegated permission under either resource is one requirement.
    const key = `${r.eitherResource ? '*' : r.resource}|${r.name.toLowerCase()}|${r.type}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()];
}
