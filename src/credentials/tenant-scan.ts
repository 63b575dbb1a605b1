// Tenant scope: every application's credentials within the warning window (expired ones
// included), grouped by app. Other apps' credentials never fail the run: the scan warns, and
// `fail-on: warning` turns that into a failed step for teams that want it. Only the scan itself
// failing (no Application.Read.All, Graph unreachable) fails the result.
import type { Adapters, CheckResult } from '../engine/types.js';
import type { GraphClient } from '../graph/client.js';
import type { GraphReadFailure } from '../graph/types.js';
import type { TokenOutcome } from '../identity/token-request.js';
import type { Settings } from '../settings/types.js';
import { credentialViews, soonestFirst, type CredentialView } from './credentials.js';
import { isAlarming } from './expiry-level.js';
import { annotationOf, lineOf } from './self-expiry.js';
import { credentialTable } from './table.js';
import { listTenantApps } from './tenant-apps.js';

export const TENANT_TITLE = 'Credential expiry across the tenant';
/** Caps for the human-facing parts; the JSON report's secrets array keeps every credential. */
const MAX_TABLE_ROWS = 200;
const MAX_DETAIL_LINES = 500;
const MAX_ANNOTATIONS = 50;

export interface TenantScan {
  result: CheckResult;
  /** Other apps' credentials within the warning window, soonest first. */
  views: CredentialView[];
}

export interface TenantScanDeps {
  graph: GraphClient;
  /** The app-only Graph token (undefined: the app has no credential to get one). */
  graphToken: TokenOutcome | undefined;
  settings: Settings;
  adapters: Pick<Adapters, 'now' | 'progress'>;
}

export async function scanTenant(ctx: TenantScanDeps): Promise<TenantScan> {
  const token = ctx.graphToken;
  if (!token?.ok)
    return {
      views: [],
      result: {
        id: 'secret-expiry',
        title: TENANT_TITLE,
        status: 'skip',
        summary: `not scanned: no Microsoft Graph token (${token ? token.failure.summary : 'no client secret was given'})`,
      },
    };
  const { clientId, secretExpiry } = ctx.settings;
  const now = ctx.adapters.now();
  const started = performance.now();
  const found: CredentialView[] = [];
  let apps = 0;
  let pages = 0;
  let unreadable = 0;
  for await (const outcome of listTenantApps(ctx.graph)) {
    if (!outcome.ok) return { views: [], result: refused(outcome.failure, ctx, apps) };
    pages += 1;
    unreadable += outcome.page.unreadable;
    for (const app of outcome.page.apps) {
      apps += 1;
      // This app's own credentials are judged by the self-scope result.
      if (app.appId.toLowerCase() === clientId.toLowerCase()) continue;
      for (const view of credentialViews(app, now, secretExpiry))
        if (isAlarming(view.level)) found.push(view);
    }
    ctx.adapters.progress?.(
      `secret-expiry: page ${pages}, ${apps} applications scanned, ${found.length} credentials within ${secretExpiry.warningDays} days`,
    );
  }
  const ms = Math.round(performance.now() - started);
  found.sort(soonestFirst);
  const groups = groupByApp(found);
  const scanned = `Scanned ${apps} applications (${pages} page${pages === 1 ? '' : 's'}, ${ms} ms)`;
  const details = [...groups.entries()].flatMap(([appId, views]) => [
    `'${views[0]!.app.displayName}' (app ${appId}):`,
    ...views.map((v) => `  ${lineOf(v, 'tenant')}`),
  ]);
  if (details.length > MAX_DETAIL_LINES) {
    const more = details.length - MAX_DETAIL_LINES;
    details.length = MAX_DETAIL_LINES;
    details.push(
      `… and ${more} more lines (every credential is in the JSON report's secrets array)`,
    );
  }
  if (unreadable)
    details.push(
      `${unreadable} entries were not applications of the expected shape and were skipped.`,
    );
  const grouped = [...groups.values()].flat();
  return {
    views: found,
    result: {
      id: 'secret-expiry',
      title: TENANT_TITLE,
      status: found.length ? 'warn' : 'pass',
      summary: found.length
        ? `${scanned}: ${found.length} credential(s) of ${groups.size} other app(s) expire within ${secretExpiry.warningDays} days or have expired`
        : `${scanned}: no other app has a credential expiring within ${secretExpiry.warningDays} days`,
      details: details.join('\n') || undefined,
      remediation: found.length
        ? 'For each app listed: Entra admin center → App registrations → the app → Certificates & secrets → New client secret (or upload a new certificate), update whatever uses it, then delete the old credential. Expired credentials that nothing uses can simply be deleted.'
        : undefined,
      tables: found.length
        ? [
            credentialTable(
              `Credentials of other apps within ${secretExpiry.warningDays} days (grouped by app)`,
              grouped.slice(0, MAX_TABLE_ROWS),
              true,
              Math.max(0, grouped.length - MAX_TABLE_ROWS),
            ),
          ]
        : undefined,
      annotations: found.slice(0, MAX_ANNOTATIONS).map((v) => annotationOf(v, 'tenant')),
    },
  };
}

/** Apps in the order of their soonest credential, each with its credentials soonest first. */
function groupByApp(sorted: readonly CredentialView[]): Map<string, CredentialView[]> {
  const groups = new Map<string, CredentialView[]>();
  for (const view of sorted) {
    const group = groups.get(view.app.appId);
    if (group) group.push(view);
    else groups.set(view.app.appId, [view]);
  }
  return groups;
}

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
