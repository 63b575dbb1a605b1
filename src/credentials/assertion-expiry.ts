// Credential expiry when the app does not sign in with a client secret. With a certificate the
// check judges that certificate, found in the app's keyCredentials by thumbprint: Graph's
// customKeyIdentifier is by default the base64 SHA-1 thumbprint, and the certificate itself
// (`key`, on a single-object read that selects keyCredentials) gives the same thumbprint when the
// identifier was set to something else (https://learn.microsoft.com/graph/api/resources/keycredential).
// With federation nothing expires; the app's remaining client secrets are listed as candidates
// to delete once federation works.
import { createHash } from 'node:crypto';
import type { CheckResult } from '../engine/types.js';
import type { KeyCredential } from '../graph/types.js';
import type { RegistrationRead } from '../graph/registration.js';
import type { Settings } from '../settings/types.js';
import { credentialViews, nameOf, type CredentialView } from './credentials.js';
import { isAlarming, isFailing } from './expiry-level.js';
import { annotationOf, lineOf, remediationFor, whenOf, type SelfExpiry } from './self-expiry.js';
import { credentialTable } from './table.js';

const CERTIFICATE_TITLE = 'Certificate expiry';
const FEDERATED_TITLE = 'Credential expiry (federation)';

/** The keyCredentials that are this certificate. */
function matchingKeyCredentials(
  keys: readonly KeyCredential[],
  thumbprint: { sha1Hex: string; customKeyIdentifier: string },
): KeyCredential[] {
  return keys.filter((k) => {
    if (k.customKeyIdentifier === thumbprint.customKeyIdentifier) return true;
    if (!k.key) return false;
    const sha1 = createHash('sha1').update(Buffer.from(k.key, 'base64')).digest('hex');
    return sha1.toUpperCase() === thumbprint.sha1Hex;
  });
}

export function judgeCertificateInUse(
  read: RegistrationRead,
  settings: Settings,
  thumbprint: { sha1Hex: string; customKeyIdentifier: string },
  now: Date,
): SelfExpiry {
  const app = read.application;
  if (!app) return { result: unreadable(read, CERTIFICATE_TITLE), views: [] };
  const matches = matchingKeyCredentials(app.keyCredentials, thumbprint);
  const views = credentialViews(app, now, settings.secretExpiry, matches);
  const appName = app.displayName || app.appId;
  const inUse = views.find((v) => v.kind === 'certificate' && v.inUse);
  const others = views.filter((v) => v !== inUse && isAlarming(v.level));
  const tables = views.length
    ? [credentialTable(`Credentials of '${appName}' (soonest first)`, views, false)]
    : undefined;
  const where = `App registrations → '${appName}' → Certificates & secrets → Certificates`;
  if (!inUse) {
    const summary = `The certificate in use (thumbprint ${thumbprint.sha1Hex}) is not among the certificates of '${appName}'`;
    const fix = `Upload the certificate (its public part) under ${where}, or put the certificate that is uploaded there, with its key, in client-certificate. Entra refuses an unregistered certificate with AADSTS700027.`;
    return {
      views,
      result: {
        id: 'secret-expiry',
        title: CERTIFICATE_TITLE,
        status: 'warn',
        summary,
        details: `Certificates of '${appName}': ${views.filter((v) => v.kind === 'certificate').length}. None has the thumbprint ${thumbprint.sha1Hex}.`,
        remediation: fix,
        tables,
        annotations: [
          {
            level: 'warning',
            title: `Certificate not registered: ${appName}`,
            message: `${summary}.\nFix: ${fix}`,
          },
        ],
      },
    };
  }
  const status = isFailing(inUse.level) ? 'fail' : isAlarming(inUse.level) ? 'warn' : 'pass';
  return {
    views,
    inUse,
    result: {
      id: 'secret-expiry',
      title: CERTIFICATE_TITLE,
      status,
      summary: `The certificate in use (${inUse.displayName ? `'${inUse.displayName}', ` : ''}thumbprint ${thumbprint.sha1Hex}) ${whenOf(inUse)}`,
      details:
        [inUse, ...others]
          .filter((v) => isAlarming(v.level))
          .map((v) => lineOf(v))
          .join('\n') || undefined,
      remediation: isAlarming(inUse.level) ? remediationFor(inUse) : undefined,
      tables,
      annotations: [inUse, ...others]
        .filter((v) => isAlarming(v.level))
        .map((v) => annotationOf(v)),
    },
  };
}

export function judgeFederated(read: RegistrationRead, settings: Settings, now: Date): SelfExpiry {
  const app = read.application;
  if (!app) return { result: unreadable(read, FEDERATED_TITLE), views: [] };
  const views = credentialViews(app, now, settings.secretExpiry);
  const appName = app.displayName || app.appId;
  const secrets = views.filter((v) => v.kind === 'password');
  const candidates = secrets.map((v: CredentialView) => `${nameOf(v)} ${whenOf(v)}`);
  return {
    views,
    result: {
      id: 'secret-expiry',
      title: FEDERATED_TITLE,
      status: 'pass',
      summary: secrets.length
        ? `Nothing expires: the app signs in with federation; '${appName}' still has ${secrets.length} client secret(s) that can be deleted once federation works`
        : `Nothing expires: the app signs in with federation and '${appName}' has no client secrets left`,
      details: candidates.length
        ? `Candidates to delete (App registrations → '${appName}' → Certificates & secrets → Client secrets):\n${candidates.join('\n')}`
        : undefined,
      tables: views.length
        ? [credentialTable(`Credentials of '${appName}' (soonest first)`, views, false)]
        : undefined,
    },
  };
}

function unreadable(read: RegistrationRead, title: string): CheckResult {
  const failure = read.failure ?? { message: 'the registration could not be read' };
  const tokenRefused =
    (failure.code?.startsWith('AADSTS') ?? false) || failure.message.startsWith('no Graph token');
  return {
    id: 'secret-expiry',
    title,
    status: tokenRefused ? 'fail' : 'warn',
    code: failure.code,
    summary: `The credential's expiry could not be read: ${failure.message}`,
    remediation: tokenRefused
      ? 'The app could not get a token at all; see the token diagnosis above.'
      : 'Microsoft Graph did not show the application; check that client-id is right and that Graph is reachable (endpoints).',
  };
}
