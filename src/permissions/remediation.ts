// The fix for each failing permission, as the portal names it: the path to the permission, the
// "Grant admin consent" step, and the values involved (app ID, permission names). Never a secret.
import type { Settings } from '../settings/types.js';
import { formatPermission } from './catalogue.js';
import { RESOURCE_NAMES } from './builtin-ids.js';
import type { PermissionRow } from './rows.js';

const TYPE_LABEL = { delegated: 'Delegated permissions', application: 'Application permissions' };

function apiPermissionsPath(appName: string, clientId: string): string {
  return `Entra ID → App registrations → ${appName} (app ID ${clientId}) → API permissions`;
}

function addPermissionPath(row: PermissionRow): string {
  const r = row.requirement;
  const api =
    r.resource === 'graph'
      ? 'Microsoft Graph'
      : `APIs my organization uses → ${RESOURCE_NAMES.exchange}`;
  return `Add a permission → ${api} → ${TYPE_LABEL[r.type]} → ${r.name}`;
}

export function remediationFor(
  rows: PermissionRow[],
  settings: Settings,
  appName: string,
  grantReadsRefused: boolean,
): string | undefined {
  const failing = rows.filter((r) => r.verdict === 'fail' || r.verdict === 'warn');
  const base = apiPermissionsPath(appName, settings.clientId);
  const consent = `Grant admin consent for <your organisation> (tenant ${settings.tenantId})`;
  const lines: string[] = [];
  const toAdd = failing.filter(
    (r) => r.problem === 'not-configured' || r.problem === 'not-on-registration',
  );
  for (const r of toAdd) lines.push(`${base} → ${addPermissionPath(r)}.`);
  const toConsent = failing.filter(
    (r) => r.problem === 'not-configured' || r.problem === 'not-consented',
  );
  if (toConsent.length)
    lines.push(
      `${base} → ${consent}, covering ${toConsent.map((r) => r.requirement.name).join(', ')}.`,
    );
  for (const r of failing.filter((x) => x.problem === 'no-such-permission'))
    lines.push(
      `${RESOURCE_NAMES[r.requirement.resource]} has no ${r.requirement.type} permission named ${r.requirement.name}: check the spelling in \`extra-permissions\` (${formatPermission(r.requirement)}).`,
    );
  for (const r of failing.filter((x) => x.problem === 'absent-from-token')) {
    if (r.requirement.type === 'delegated' && r.requirement.name !== 'offline_access')
      lines.push(
        `${r.requirement.name} is consented but the token does not carry it: request \`${settings.endpoints.outlookDelegated}/${r.requirement.name}\` in \`scope\` (or leave \`scope\` empty for the defaults).`,
      );
    else if (r.requirement.name === 'offline_access')
      lines.push('No refresh token was issued: add `offline_access` to `scope`.');
    else
      lines.push(
        `${r.requirement.name} is granted but the token does not carry it yet: admin consent can take minutes to reach tokens; run again. If it persists, remove the permission, add it again and ${consent}.`,
      );
  }
  if (grantReadsRefused)
    lines.push(
      'To let this check tell "configured" from "consented", grant the app the Microsoft Graph application permission Application.Read.All (appRoleAssignments) and Directory.Read.All (oauth2PermissionGrants), with admin consent; or compare the API permissions page by hand.',
    );
  return lines.length ? lines.join('\n') : undefined;
}
