// One cause, one red row. When the token request fails for a reason that also stops the other
// checks (the app's credential is wrong or expired, the app or tenant does not exist), those
// checks would repeat the same failure in other words: the permissions check cannot read Graph
// with the same secret, the secret-expiry check sees Entra refuse the secret, the mailbox checks
// have no token. The Access token row keeps the failure and its fix; the dependent rows become
// `skip`, "not checked: needs the token", and keep what they saw as details. A dependent check
// that passed, or that failed for a reason of its own, is left as it is. Missing consent
// (AADSTS65001) folds nothing: the permissions check is not blocked by it (it reads Graph with
// the app's own token) and names the exact permission without consent, which the token's
// refusal does not; saying "not checked" there would be untrue.
import type { CheckResult } from './types.js';

/** The app cannot get any token: every Graph read and every mail login needs one. */
const CREDENTIAL_CODES = new Set([
  'AADSTS7000215', // invalid client secret (the secret's ID instead of its value)
  'AADSTS7000222', // the client secret has expired
  'AADSTS700016', // no such application in the tenant
  'AADSTS90002', // no such tenant
  'AADSTS700027', // client assertion signature invalid (certificate)
  'AADSTS700024', // client assertion outside its validity
]);

const DEPENDENTS = new Set<CheckResult['id']>([
  'permissions',
  'secret-expiry',
  'mailbox-imap',
  'mailbox-pop',
  'mailbox-smtp',
]);

export function foldBlockedChecks(checks: CheckResult[]): CheckResult[] {
  const token = checks.find((c) => c.id === 'token');
  if (token?.status !== 'fail') return checks;
  const summary = `not checked: needs the token (see ${token.title})`;
  const code = token.code ?? '';
  const blocks = (check: CheckResult): boolean => {
    if (!DEPENDENTS.has(check.id) || check.status === 'pass') return false;
    if (check.id.startsWith('mailbox-')) return check.status === 'skip';
    return CREDENTIAL_CODES.has(code);
  };
  return checks.map((check) => {
    if (!blocks(check)) return check;
    const saw = check.status === 'skip' ? undefined : `What this check saw: ${check.summary}`;
    return {
      id: check.id,
      title: check.title,
      status: 'skip',
      summary,
      details: [saw, check.details].filter(Boolean).join('\n\n') || undefined,
      ...(check.tables ? { tables: check.tables } : {}),
    };
  });
}
