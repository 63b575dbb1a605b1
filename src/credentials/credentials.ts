// One app's credentials (client secrets and certificates) as the expiry check sees them: days
// left, whether the date is a "never expires" one, whether this pipeline uses it, and its level
// against the thresholds. Soonest first.
import type { KeyCredential, PasswordCredential } from '../graph/types.js';
import type { SecretReport } from '../engine/types.js';
import { daysLeft, neverExpires, parseGraphDate } from './days.js';
import { expiryLevel, type ExpiryLevel, type Thresholds } from './expiry-level.js';

export interface CredentialView {
  kind: 'password' | 'certificate';
  keyId: string;
  /** '' when the credential has no display name. */
  displayName: string;
  /** The first three characters of a secret as Graph shows them; '' for certificates. */
  hint: string;
  end: Date;
  daysLeft: number;
  expired: boolean;
  neverExpires: boolean;
  inUse: boolean;
  level: ExpiryLevel;
  app: { displayName: string; appId: string };
}

export interface AppCredentials {
  appId: string;
  displayName?: string | null;
  passwordCredentials: readonly PasswordCredential[];
  keyCredentials: readonly KeyCredential[];
}

/**
 * Every credential of `app` with a readable end date, soonest first. `inUse` marks the secrets
 * this pipeline uses (by hint). Credentials without an end date are left out: there is nothing
 * to judge.
 */
export function credentialViews(
  app: AppCredentials,
  now: Date,
  thresholds: Thresholds,
  inUse: ReadonlySet<string> = new Set(),
): CredentialView[] {
  const owner = { displayName: app.displayName || app.appId, appId: app.appId };
  const views: CredentialView[] = [];
  const add = (
    kind: CredentialView['kind'],
    c: { keyId: string; displayName?: string | null; endDateTime?: string | null },
    hint: string,
  ) => {
    const end = parseGraphDate(c.endDateTime);
    if (!end) return;
    const base = {
      daysLeft: daysLeft(end, now),
      expired: end.getTime() <= now.getTime(),
      neverExpires: neverExpires(end),
    };
    views.push({
      kind,
      keyId: c.keyId,
      displayName: c.displayName ?? '',
      hint,
      end,
      ...base,
      inUse: inUse.has(c.keyId),
      level: expiryLevel(base, thresholds),
      app: owner,
    });
  };
  for (const p of app.passwordCredentials) add('password', p, p.hint ?? '');
  for (const k of app.keyCredentials) add('certificate', k, '');
  return views.sort(soonestFirst);
}

export const soonestFirst = (a: CredentialView, b: CredentialView): number =>
  a.end.getTime() - b.end.getTime();

/** The contract's `secrets` entry. */
export function toSecretReport(view: CredentialView): SecretReport {
  return {
    keyId: view.keyId,
    displayName: view.displayName,
    hint: view.hint,
    endDateTime: view.end.toISOString(),
    daysLeft: view.daysLeft,
    inUse: view.inUse,
    app: view.app.displayName,
    kind: view.kind,
  };
}

/** How a credential is named in messages: `client secret 'CI secret'`, `certificate (no name)`. */
export function nameOf(view: CredentialView): string {
  const kind = view.kind === 'password' ? 'client secret' : 'certificate';
  return view.displayName
    ? `${kind} '${view.displayName}'`
    : `${kind} (no display name, id ${view.keyId})`;
}
