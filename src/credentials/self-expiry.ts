// Self scope: this registration's secrets and certificates, judged from the one Graph read of
// the application that the permissions check shares. The secret in use is found by its hint;
// it and the certificates decide the status, other secrets are shown but never fail the run.
import type { CheckAnnotation, CheckResult, CheckStatus } from '../engine/types.js';
import { worstStatus } from '../engine/verdict.js';
import type { RegistrationRead } from '../graph/registration.js';
import type { Settings } from '../settings/types.js';
import { credentialViews, nameOf, type CredentialView } from './credentials.js';
import { dayOf, describeDaysLeft } from './days.js';
import { hintOf, matchingHint } from './hint.js';
import { isAlarming, isFailing, type ExpiryLevel } from './expiry-level.js';
import { credentialTable } from './table.js';

export const SELF_TITLE = 'Client secret expiry';

export interface SelfExpiry {
  result: CheckResult;
  /** Every credential of the app, soonest first (empty when the app could not be read). */
  views: CredentialView[];
  /** The secret judged as the one in use (the soonest of the hint matches). */
  inUse?: CredentialView;
}

export function selfScopeExpiry(read: RegistrationRead, settings: Settings, now: Date): SelfExpiry {
  const app = read.application;
  if (!app) return { result: unreadable(read, settings), views: [] };
  const secret = settings.clientSecret;
  const matches = matchingHint(app.passwordCredentials, secret);
  const views = credentialViews(app, now, settings.secretExpiry, matches);
  const appName = app.displayName || app.appId;
  const inUseViews = views.filter((v) => v.inUse);
  const inUse = inUseViews[0];
  const certificates = views.filter((v) => v.kind === 'certificate');
  const others = views.filter((v) => v.kind === 'password' && !v.inUse);
  const { warningDays } = settings.secretExpiry;

  const statuses: CheckStatus[] = [];
  const notes: string[] = [];
  let summary: string;
  if (inUse) {
    statuses.push(statusOf(inUse.level));
    summary = `The client secret in use (${inUse.displayName ? `'${inUse.displayName}'` : `id ${inUse.keyId}`}, hint '${inUse.hint}') ${whenOf(inUse)}`;
    if (inUseViews.length > 1)
      notes.push(
        `${inUseViews.length} secrets of '${appName}' share the hint '${inUse.hint}' (${inUseViews.map(nameOf).join(', ')}); Graph cannot tell which one this pipeline uses, so the soonest to expire is judged.`,
      );
  } else {
    statuses.push('warn');
    summary = `The configured client secret is not among the secrets of '${appName}'`;
    notes.push(
      `None of the ${others.length} secret(s) of '${appName}' (app ${app.appId}) has the hint ${shownHint(secret)}, so its expiry cannot be told. Either client-id names another app than the one the secret belongs to, the secret was deleted from the registration, or it is an old secret that Graph shows without a hint.`,
    );
  }
  for (const cert of certificates) statuses.push(statusOf(cert.level));

  const alarming = views.filter((v) => isAlarming(v.level));
  const otherSoon = others.filter((v) => isAlarming(v.level));
  if (otherSoon.length)
    summary += `; ${otherSoon.length} other secret(s) expire within ${warningDays} days or have expired`;
  const alarmingCerts = certificates.filter((v) => isAlarming(v.level));
  if (alarmingCerts.length)
    summary += `; ${alarmingCerts.length} certificate(s) expire within ${warningDays} days or have expired`;

  const status = worstStatus(statuses);
  const details = [...alarming.map((v) => lineOf(v)), ...notes];
  if (!views.length) details.push(`'${appName}' has no client secrets and no certificates.`);
  const notFoundFix = `Check that client-id (${app.appId}) is the app the secret was created in; if the secret was deleted, create a new one (App registrations → '${appName}' → Certificates & secrets → New client secret) and update the CI secret.`;
  const toFix = [...(inUse && isAlarming(inUse.level) ? [inUse] : []), ...alarmingCerts];
  return {
    views,
    inUse,
    result: {
      id: 'secret-expiry',
      title: SELF_TITLE,
      status,
      summary,
      details: details.join('\n') || undefined,
      remediation: toFix.length
        ? toFix.map((v) => remediationFor(v)).join(' ')
        : !inUse
          ? notFoundFix
          : undefined,
      tables: views.length
        ? [credentialTable(`Credentials of '${appName}' (soonest first)`, views, false)]
        : undefined,
      // One annotation per reason for the status (the reporting code shows these instead of
      // the check's own line): each credential at or past a threshold, and a secret not found.
      annotations: [
        ...(inUse
          ? []
          : [
              {
                level: 'warning' as const,
                title: `Client secret not found: ${appName}`,
                message: `${summary}. ${notes[0]!}\nFix: ${notFoundFix}`,
              },
            ]),
        ...alarming.map((v) => annotationOf(v)),
      ],
    },
  };
}

/** The registration could not be read: an unusable secret fails, anything else is "can't tell". */
function unreadable(read: RegistrationRead, settings: Settings): CheckResult {
  const failure = read.failure ?? { message: 'the registration could not be read' };
  if (failure.code === 'AADSTS7000222')
    return {
      id: 'secret-expiry',
      title: SELF_TITLE,
      status: 'fail',
      code: failure.code,
      summary: 'The client secret in use has expired: Entra refused it (AADSTS7000222)',
      remediation: `In the Entra admin center open App registrations → the app ${settings.clientId} → Certificates & secrets → New client secret, put the new value in the CI secret that feeds client-secret, then delete the expired secret.`,
    };
  const tokenRefused = failure.code?.startsWith('AADSTS') ?? false;
  return {
    id: 'secret-expiry',
    title: SELF_TITLE,
    status: tokenRefused ? 'fail' : 'warn',
    code: failure.code,
    summary: `The secret's expiry could not be read: ${failure.message}`,
    remediation: tokenRefused
      ? 'The client secret cannot get a token at all; see the token diagnosis above (tenant-id, client-id, client-secret).'
      : `Microsoft Graph did not show the application ${settings.clientId}; a service principal may read its own application without any Graph permission, so check that client-id is right and that Graph is reachable (endpoints).`,
  };
}

/**
 * The configured secret's hint for a message. Only for values long enough to be a real secret
 * (16+ characters): three characters of a very short value would give away too much of it.
 */
function shownHint(secret: string): string {
  return secret.length >= 16
    ? `'${hintOf(secret)}' (the first three characters of the configured secret)`
    : 'of the configured secret (which is too short to be a client secret value)';
}

const STATUS: Record<ExpiryLevel, CheckStatus> = {
  ok: 'pass',
  warning: 'warn',
  failure: 'fail',
  expired: 'fail',
};
const statusOf = (level: ExpiryLevel): CheckStatus => STATUS[level];

/** "expires in 3 days (2026-11-27)", "never expires (2299-12-31)". */
export function whenOf(view: CredentialView): string {
  if (view.neverExpires) return `never expires (${dayOf(view.end)})`;
  return `${describeDaysLeft(view.daysLeft, view.expired)} (${dayOf(view.end)})`;
}

/** One line per credential at or past a threshold: app, credential, date. */
export function lineOf(view: CredentialView, scope: 'self' | 'tenant' = 'self'): string {
  const use =
    scope === 'self' && view.kind === 'password'
      ? view.inUse
        ? ', in use by this pipeline'
        : ', not in use by this pipeline'
      : '';
  return `${LEVEL_WORD[view.level]}: ${nameOf(view)} of '${view.app.displayName}' ${whenOf(view)}${use}`;
}

const LEVEL_WORD: Record<ExpiryLevel, string> = {
  ok: 'ok',
  warning: 'warning',
  failure: 'failure',
  expired: 'expired',
};

/**
 * One annotation per credential at or past a threshold. Self scope: the secret in use and the
 * certificates are errors when they fail, warnings otherwise; unused secrets are notices (they
 * never fail the run). Tenant scope: other apps' credentials are warnings.
 */
export function annotationOf(
  view: CredentialView,
  scope: 'self' | 'tenant' = 'self',
): CheckAnnotation {
  const judged = scope === 'self' && (view.inUse || view.kind === 'certificate');
  const level = judged
    ? isFailing(view.level)
      ? 'error'
      : 'warning'
    : scope === 'tenant'
      ? 'warning'
      : 'notice';
  const state = view.expired ? 'expired' : 'expiring';
  return {
    level,
    title: `${view.kind === 'password' ? 'Client secret' : 'Certificate'} ${state}: ${view.app.displayName}`,
    message: `${nameOf(view)} of '${view.app.displayName}' (app ${view.app.appId}) ${whenOf(view)}. ${remediationFor(view)}`,
  };
}

export function remediationFor(view: CredentialView): string {
  const where = `Entra admin center → App registrations → '${view.app.displayName}' → Certificates & secrets`;
  if (view.kind === 'certificate')
    return `${where} → Certificates → Upload certificate (a new one), switch whatever signs with ${nameOf(view)} to it, then delete the old one (ends ${dayOf(view.end)}).`;
  return `${where} → New client secret; put its value in the CI secret that feeds client-secret${view.inUse ? '' : ' (or wherever this secret is used)'}; then delete the old ${nameOf(view)} (ends ${dayOf(view.end)}).`;
}
