// The verdict for each required permission: is it configured on the registration, consented,
// and in the token that needs it? Unknowns (a read refused, no token) are said as such; the token
// stands in for consent when grants cannot be read.
import type { ResourceKey } from '../settings/types.js';
import type { Requirement } from './catalogue.js';
import type { PermissionDirectory } from './directory.js';
import type { GraphPart } from '../graph/types.js';
import type { HeldPermission, RegistrationEvidence } from './grants.js';
import type { InToken } from './token-evidence.js';

export type Tri = 'yes' | 'no' | 'unknown';
export type RowVerdict = 'pass' | 'fail' | 'warn' | 'unknown';
export type Problem =
  | 'not-configured'
  | 'not-consented'
  | 'absent-from-token'
  | 'not-on-registration'
  | 'no-such-permission'
  | 'cannot-tell'
  /** An Exchange app role not granted in Entra, and no app-only login showed Exchange's answer. */
  | 'no-login-to-tell';

export interface PermissionRow {
  requirement: Requirement;
  configured: Tri;
  consented: Tri;
  /** Consent given by one user only (consentType Principal). */
  consentedByOneUser?: boolean;
  inToken: InToken;
  /** The resource it was found under (mail delegated permissions: Graph or Exchange). */
  foundUnder?: ResourceKey;
  verdict: RowVerdict;
  problem?: Problem;
  /** Not granted in Entra, but the app-only login worked: Exchange authorized the app. */
  authorizedBy?: 'exchange';
}

const RESOURCES: ResourceKey[] = ['graph', 'exchange'];

export function permissionRow(
  req: Requirement,
  evidence: RegistrationEvidence,
  dir: PermissionDirectory,
  token: InToken,
): PermissionRow {
  const resources = req.eitherResource ? RESOURCES : [req.resource];
  // Resolve the name to an id per resource: configured entries and app roles carry ids only.
  const ids = resources.map((r) => ({ resource: r, lookup: dir.idOf(r, req.name, req.type) }));
  const noSuchName = ids.every((i) => !i.lookup.found && i.lookup.known);

  const matches = (p: HeldPermission) =>
    p.type === req.type &&
    ids.some(
      (i) =>
        i.resource === p.resource &&
        ((i.lookup.found && p.id?.toLowerCase() === i.lookup.id.toLowerCase()) ||
          p.name?.toLowerCase() === req.name.toLowerCase()),
    );
  const find = (known: GraphPart<HeldPermission[]>): { tri: Tri; held?: HeldPermission[] } => {
    if (!known.ok) return { tri: 'unknown' };
    const held = known.value.filter(matches);
    if (held.length) return { tri: 'yes', held };
    // An id that could not be resolved cannot be told absent from a list of ids.
    const resolvable = req.type === 'delegated' && known === evidence.delegated;
    return ids.some((i) => i.lookup.found) || resolvable ? { tri: 'no' } : { tri: 'unknown' };
  };

  const configured = find(evidence.configured);
  const consent = find(req.type === 'application' ? evidence.appRoles : evidence.delegated);
  const row: PermissionRow = {
    requirement: req,
    configured: configured.tri,
    consented: consent.tri,
    inToken: token,
    foundUnder: (configured.held ?? consent.held)?.[0]?.resource,
    verdict: 'pass',
  };
  if (consent.held?.every((h) => h.oneUser)) row.consentedByOneUser = true;

  const verdict = (v: RowVerdict, problem?: Problem): PermissionRow => ({
    ...row,
    verdict: v,
    problem,
  });
  if (noSuchName && configured.tri !== 'yes') return verdict('fail', 'no-such-permission');
  if (token === 'no' && row.consented === 'yes') return verdict('fail', 'absent-from-token');
  if (row.configured === 'no' && row.consented !== 'yes') {
    // Not configured and (not consented or unknown) and not seen working in a token.
    if (token !== 'yes') return verdict('fail', 'not-configured');
    return verdict('warn', 'not-on-registration');
  }
  if (row.consented === 'no') return verdict('fail', 'not-consented');
  if (row.configured === 'no') return verdict('warn', 'not-on-registration');
  if (row.consented === 'unknown') {
    if (token === 'yes') return verdict('pass');
    if (token === 'no') return verdict('fail', 'absent-from-token');
    return verdict('unknown', 'cannot-tell');
  }
  if (token === 'no') return verdict('fail', 'absent-from-token');
  return verdict('pass');
}
