// One cause, one red row. When the token request fails for a reason that also stops the other
// checks (the app's credential is wrong or expired, the app or tenant does not exist), those
// checks would repeat the same failure in other words: the permissions check cannot read Graph
// with the same secret, the secret-expiry check sees Entra refuse the secret, the mailbox checks
// have no token. The Access token row keeps the failure and its fix; the dependent rows become
// `skip`, "not checked: needs the token", and keep what they saw as details. A dependent check
// that passed, or that failed for a reason of its own, is left as it is.
// A check can also say that its failure is the token's refusal seen from another side
// (`followsFrom`): missing consent (AADSTS65001) is refused by Entra at the token request, and
// the permissions check reads the same cause from the registration, naming each permission
// without consent. The Access token row keeps Microsoft's words and gains the exact fix; the
// permissions row says "same cause as Access token", keeps its table and is not red. The run's
// verdict is the token's failure either way.
import type { CheckResult } from './types.js';

/** The app cannot get any token: every Graph read and every mail login needs one. */
const CREDENTIAL_CODES = new Set([
  'AADSTS7000215', // invalid client secret (the secret's ID instead of its value)
  'AADSTS7000222', // the client secret has expired
  'AADSTS700016', // no such application in the tenant
  'AADSTS90002', // no such tenant
  'AADSTS700027', // client assertion signature invalid (certificate)
  'AADSTS700024', // client assertion outside its validity
  // Federation: no federated credential of the app matches the presented token (any part, the
  // issuer, the audience, the subject, the subject but for case): Entra refuses the app itself.
  'AADSTS70021',
  'AADSTS700211',
  'AADSTS700212',
  'AADSTS700213',
  'AADSTS7002138',
]);

const DEPENDENTS = new Set<CheckResult['id']>([
  'permissions',
  'secret-expiry',
  'mailbox-imap',
  'mailbox-pop',
  'mailbox-smtp',
]);

type Fold = 'needs-token' | 'same-cause' | undefined;

export function foldBlockedChecks(results: CheckResult[]): CheckResult[] {
  // `followsFrom` is the engine's to read: it never leaves the engine.
  const checks = results.map(({ followsFrom, ...check }) => ({ check, followsFrom }));
  const token = checks.find(({ check }) => check.id === 'token')?.check;
  if (token?.status !== 'fail') return checks.map(({ check }) => check);
  const code = token.code ?? '';
  const foldOf = (check: CheckResult, followsFrom: CheckResult['followsFrom']): Fold => {
    if (!DEPENDENTS.has(check.id) || check.status === 'pass') return undefined;
    if (check.id.startsWith('mailbox-')) return check.status === 'skip' ? 'needs-token' : undefined;
    if (followsFrom === 'needs-token' || CREDENTIAL_CODES.has(code)) return 'needs-token';
    return followsFrom === code ? 'same-cause' : undefined;
  };
  const folded = checks.map(({ check, followsFrom }) => ({
    check,
    fold: foldOf(check, followsFrom),
  }));
  // The exact fixes the same-cause rows found go to the one red row, under its own.
  const fixes = folded
    .filter(({ check, fold }) => fold === 'same-cause' && check.remediation)
    .map(({ check }) => `From ${check.title}: ${check.remediation}`);
  return folded.map(({ check, fold }) => {
    if (check === token && fixes.length)
      return { ...check, remediation: [check.remediation, ...fixes].filter(Boolean).join('\n') };
    if (fold === 'same-cause') return sameCause(check, token);
    if (fold === 'needs-token') return needsToken(check, token);
    return check;
  });
}

function needsToken(check: CheckResult, token: CheckResult): CheckResult {
  const saw = check.status === 'skip' ? undefined : `What this check saw: ${check.summary}`;
  return {
    id: check.id,
    title: check.title,
    status: 'skip',
    summary: `not checked: needs the token (see ${token.title})`,
    details: [saw, check.details].filter(Boolean).join('\n\n') || undefined,
    ...(check.tables ? { tables: check.tables } : {}),
  };
}

/** What the check found stays (summary, table, details); its fix and code are the token row's. */
function sameCause(check: CheckResult, token: CheckResult): CheckResult {
  return {
    id: check.id,
    title: check.title,
    status: 'skip',
    summary: `same cause as ${token.title}: ${check.summary}`,
    ...(check.details ? { details: check.details } : {}),
    ...(check.tables ? { tables: check.tables } : {}),
  };
}
