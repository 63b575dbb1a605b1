// Tenant scope: every application's credentials within the warning window (expired ones
// included), grouped by app. Other apps' credentials never fail the run: the scan warns, and
// `fail-on: warning` turns that into a failed step for teams that want it. Only the scan itself
// failing (no Application.Read.All, Graph unreachable) fails the result.
import type { Adapters, CheckResult } from '../engine/types.js';
import type { GraphReader } from '../graph/client.js';
import type { GraphReadFailure } from '../graph/types.js';
import type { TokenOutcome } from '../identity/token-request.js';
import type { Settings } from '../settings/types.js';
import {
  credentialViews,
  soonestFirst,
  toSecretReport,
  type AppCredentials,
  type CredentialView,
} from './credentials.js';
import { DAY_MS } from './days.js';
import { isAlarming } from './expiry-level.js';
import { SecretLog } from './secret-log.js';
import { annotationOf, lineOf } from './self-expiry.js';
import { credentialTable } from './table.js';
import { listTenantApps } from './tenant-apps.js';

export const TENANT_TITLE = 'Credential expiry across the tenant';
/** Caps for the human-facing parts; the JSON report's secrets array keeps every credential. */
const MAX_TABLE_ROWS = 200;
const MAX_DETAIL_LINES = 500;
const MAX_ANNOTATIONS = 50;
/**
 * Apps kept whole for those parts: the ones whose soonest credential comes first. Each app takes
 * at least two detail lines, so no part can show more apps than this.
 */
const SHOWN_APPS = MAX_DETAIL_LINES / 2;

export interface TenantScan {
  result: CheckResult;
  /** Other apps' credentials within the warning window as report entries, read soonest first. */
  secrets: SecretLog;
}

export interface TenantScanDeps {
  graph: GraphReader;
  /** The app-only Graph token (undefined: the app has no credential to get one). */
  graphToken: TokenOutcome | undefined;
  settings: Settings;
  adapters: Pick<Adapters, 'now' | 'progress'>;
}

/** An app with credentials in the window: its soonest end, and its views soonest first. */
interface ShownApp {
  soonest: number;
  views: CredentialView[];
}

export async function scanTenant(ctx: TenantScanDeps): Promise<TenantScan> {
  const token = ctx.graphToken;
  if (!token?.ok)
    return {
      secrets: new SecretLog(),
      result: {
        id: 'secret-expiry',
        title: TENANT_TITLE,
        status: 'skip',
        summary: `not scanned: no Microsoft Graph token (${token ? token.failure.summary : 'no client secret was given'})`,
      },
    };
  const { clientId, secretExpiry } = ctx.settings;
  const now = ctx.adapters.now();
  const ownAppId = clientId.toLowerCase();
  // Whole days left are rounded down, so a credential ending at or after this instant has more
  // than warningDays left: outside the window, and no view is built for it.
  const windowEnd = now.getTime() + (secretExpiry.warningDays + 1) * DAY_MS;
  const started = performance.now();
  // Memory stays flat in what is found: each report entry goes to the log (a file, about 20 bytes
  // of memory each), and only the few apps the summary shows are kept. A page is dropped once read.
  const secrets = new SecretLog();
  let shown: ShownApp[] = [];
  /** Soonest end of the last shown app after a trim: an app ending no sooner cannot enter. */
  let cutoff = Infinity;
  let appsWithFindings = 0;
  let apps = 0;
  let pages = 0;
  let unreadable = 0;
  for await (const outcome of listTenantApps(ctx.graph)) {
    if (!outcome.ok)
      return { secrets: new SecretLog(), result: refused(outcome.failure, ctx, apps) };
    pages += 1;
    unreadable += outcome.page.unreadable;
    for (const app of outcome.page.apps) {
      apps += 1;
      // This app's own credentials are judged by the self-scope result.
      if (app.appId.toLowerCase() === ownAppId) continue;
      const candidates = withinWindow(app, windowEnd);
      if (!candidates) continue;
      const views = credentialViews(candidates, now, secretExpiry).filter((v) =>
        isAlarming(v.level),
      );
      if (!views.length) continue;
      appsWithFindings += 1;
      for (const view of views) secrets.add(toSecretReport(view));
      const soonest = views[0]!.end.getTime();
      if (soonest >= cutoff) continue;
      shown.push({ soonest, views });
      if (shown.length >= 2 * SHOWN_APPS) {
        shown = soonestApps(shown);
        cutoff = shown[shown.length - 1]!.soonest;
      }
    }
    ctx.adapters.progress?.(
      `secret-expiry: page ${pages}, ${apps} applications scanned, ${secrets.length} credentials within ${secretExpiry.warningDays} days`,
    );
  }
  const ms = Math.round(performance.now() - started);
  shown = soonestApps(shown);
  const found = secrets.length;
  const scanned = `Scanned ${apps} applications (${pages} page${pages === 1 ? '' : 's'}, ${ms} ms)`;
  const details: string[] = [];
  for (const { views } of shown) {
    if (details.length >= MAX_DETAIL_LINES) break;
    details.push(`'${views[0]!.app.displayName}' (app ${views[0]!.app.appId}):`);
    for (const v of views) details.push(`  ${lineOf(v, 'tenant')}`);
  }
  const totalLines = appsWithFindings + found;
  if (totalLines > MAX_DETAIL_LINES) {
    details.length = MAX_DETAIL_LINES;
    details.push(
      `… and ${totalLines - MAX_DETAIL_LINES} more lines (every credential is in the JSON report's secrets array)`,
    );
  }
  if (unreadable)
    details.push(
      `${unreadable} entries were not applications of the expected shape and were skipped.`,
    );
  const grouped = shown.flatMap((app) => app.views).slice(0, MAX_TABLE_ROWS);
  const soonest = shown
    .flatMap((app) => app.views)
    .sort(soonestFirst)
    .slice(0, MAX_ANNOTATIONS);
  return {
    secrets,
    result: {
      id: 'secret-expiry',
      title: TENANT_TITLE,
      status: found ? 'warn' : 'pass',
      summary: found
        ? `${scanned}: ${found} credential(s) of ${appsWithFindings} other app(s) expire within ${secretExpiry.warningDays} days or have expired`
        : `${scanned}: no other app has a credential expiring within ${secretExpiry.warningDays} days`,
      details: details.join('\n') || undefined,
      remediation: found
        ? 'For each app listed: Entra admin center → App registrations → the app → Certificates & secrets → New client secret (or upload a new certificate), update whatever uses it, then delete the old credential. Expired credentials that nothing uses can simply be deleted.'
        : undefined,
      tables: found
        ? [
            credentialTable(
              `Credentials of other apps within ${secretExpiry.warningDays} days (grouped by app)`,
              grouped,
              true,
              Math.max(0, found - MAX_TABLE_ROWS),
            ),
          ]
        : undefined,
      annotations: soonest.map((v) => annotationOf(v, 'tenant')),
    },
  };
}

/**
 * The app with only its credentials that end before `windowEnd` (a cheap test on the date alone,
 * before any view is built), or undefined when it has none.
 */
function withinWindow(app: AppCredentials, windowEnd: number): AppCredentials | undefined {
  const soon = <T extends { endDateTime?: string | null }>(list: readonly T[]) =>
    list.filter((c) => c.endDateTime && Date.parse(c.endDateTime) < windowEnd);
  const passwordCredentials = soon(app.passwordCredentials);
  const keyCredentials = soon(app.keyCredentials);
  if (!passwordCredentials.length && !keyCredentials.length) return undefined;
  return { appId: app.appId, displayName: app.displayName, passwordCredentials, keyCredentials };
}

/** The apps in the order of their soonest credential (stable), as many as any part shows. */
const soonestApps = (apps: ShownApp[]): ShownApp[] =>
  apps.sort((a, b) => a.soonest - b.soonest).slice(0, SHOWN_APPS);

function refused(
  failure: GraphReadFailure,
  ctx: TenantScanDeps,
  scannedSoFar: number,
): CheckResult {
  const denied = failure.status === 403 || failure.code === 'Authorization_RequestDenied';
  const partial = scannedSoFar ? ` after ${scannedSoFar} applications` : '';
  if (denied)
    return {
      id: 'secret-expiry',
      title: TENANT_TITLE,
      status: 'fail',
      code: failure.code,
      summary: `Listing the tenant's applications was refused${partial} (${failure.message}): secret-expiry-scope: tenant needs the Microsoft Graph application permission Application.Read.All`,
      remediation: `Entra admin center → App registrations → the app ${ctx.settings.clientId} → API permissions → Add a permission → Microsoft Graph → Application permissions → Application.Read.All, then Grant admin consent (an admin must). The next run's token carries it. Or use secret-expiry-scope: self, which needs no permission.`,
    };
  return {
    id: 'secret-expiry',
    title: TENANT_TITLE,
    status: 'fail',
    code: failure.code,
    summary: `The tenant's applications could not be listed${partial}: ${failure.message}`,
    remediation:
      'Check that Microsoft Graph is reachable from the runner (endpoints, proxy) and run again; the scan restarts from the first page.',
  };
}
