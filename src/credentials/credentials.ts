// One app's credentials (client secrets and certificates) as the expiry check sees them: days
// left, whether the date is a "never expires" one, whether this pipeline uses it, and its level
// against the thresholds. Soonest first.
import { createHash } from 'node:crypto';
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
  /** Certificates: SHA-1 thumbprint, upper-case hex, when Graph shows it. */
  thumbprint?: string;
}

export interface AppCredentials {
  appId: string;
  displayName?: string | null;
  passwordCredentials: readonly PasswordCredential[];
  keyCredentials: readonly KeyCredential[];
}

/**
 * Every credential of `app` with a readable end date, soonest first. `inUse` marks the credentials
 * this pipeline uses (secrets by hint, a certificate by thumbprint). Credentials without an end date are left out: there is nothing
 * to judge.
 */
export function credentialViews(
  app: AppCredentials,
  now: Date,
  thresholds: Thresholds,
  inUse: readonly { keyId: string }[] = [],
): CredentialView[] {
  const inUseIds = new Set(inUse.map((c) => c.keyId));
  const owner = { displayName: app.displayName || app.appId, appId: app.appId };
  const views: CredentialView[] = [];
  const add = (
    kind: CredentialView['kind'],
    c: { keyId: string; displayName?: string | null; endDateTime?: string | null },
    hint: string,
    thumbprint?: string,
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
      inUse: inUseIds.has(c.keyId),
      level: expiryLevel(base, thresholds),
      app: owner,
      ...(thumbprint ? { thumbprint } : {}),
    });
  };
  for (const p of app.passwordCredentials) add('password', p, p.hint ?? '');
  for (const k of app.keyCredentials) add('certificate', k, '', thumbprintOf(k));
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
    ...(view.thumbprint ? { thumbprint: view.thumbprint } : {}),
  };
}

/**
 * A certificate's SHA-1 thumbprint: the certificate itself when Graph returned it, else the
 * customKeyIdentifier when it is 20 bytes (Graph's default is the thumbprint; it can be changed).
 */
function thumbprintOf(k: {
  customKeyIdentifier?: string | null;
  key?: string | null;
}): string | undefined {
  if (k.key)
    return createHash('sha1').update(Buffer.from(k.key, 'base64')).digest('hex').toUpperCase();
  const id = k.customKeyIdentifier ? Buffer.from(k.customKeyIdentifier, 'base64') : undefined;
  return id?.length === 20 ? id.toString('hex').toUpperCase() : undefined;
}

/** How a credential is named in messages: `client secret 'CI secret'`, `certificate (no name)`. */
export function nameOf(view: CredentialView): string {
  const kind = view.kind === 'password' ? 'client secret' : 'certificate';
  return view.displayName
    ? `${kind} '${view.displayName}'`
    : `${kind} (no display name, id ${view.keyId})`;
}
