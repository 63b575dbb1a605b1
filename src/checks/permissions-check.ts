// The `permissions` check: each permission the flow needs, whether the registration has it
// configured, whether it is consented, whether the issued token carries it, and the exact fix.
// Critical path: the mail token and the Graph token are requested at once, then ONE Graph $batch.
import type { Check } from '../engine/check.js';
import type { CheckResult, CheckStatus, DetailTable } from '../engine/types.js';
import type { RegistrationRead } from '../graph/registration.js';
import type { GraphPart, GraphReadFailure } from '../graph/types.js';
import { exchangeAudiences } from '../identity/exchange-audiences.js';
import { RESOURCE_NAMES } from '../permissions/builtin-ids.js';
import { formatPermission, requiredPermissions } from '../permissions/catalogue.js';
import { buildDirectory, type PermissionDirectory } from '../permissions/directory.js';
import { findings, type Finding } from '../permissions/findings.js';
import { explainGraphRefusal } from '../permissions/graph-refusal.js';
import { readEvidence, type RegistrationEvidence } from '../permissions/grants.js';
import { permissionRow, type PermissionRow } from '../permissions/rows.js';
import { remediationFor } from '../permissions/remediation.js';
import { inToken, tokenEvidence } from '../permissions/token-evidence.js';
import { notRequired } from '../permissions/not-required.js';
import {
  exchangeRoleProtocol,
  judgeByLogin,
  requiredFor,
  unprovenRole,
} from '../permissions/exchange-authorization.js';
import { appOnlyRoutes } from '../mailbox/exchange-setup.js';
import type { Settings } from '../settings/types.js';
import { proseValue } from '../text/sanitise.js';
import { registration, type CheckContext } from './context.js';
import { mailboxLogins } from './mailbox-check.js';

const TITLE = 'App registration permissions';

export const permissionsCheck: Check<CheckContext> = {
  name: 'permissions',
  reports: [{ id: 'permissions', title: TITLE }],
  async run(ctx) {
    // All three start in this tick: both token requests are in flight together, and the batch
    // follows the Graph token without waiting for the mail token.
    const [mail, graph, read] = await Promise.all([
      ctx.tokens.mail(),
      ctx.tokens.graph(),
      registration(ctx),
    ]);
    const { settings } = ctx;
    const dir = buildDirectory(read);
    const evidence = readEvidence(read, dir);
    const tokens = tokenEvidence(mail, graph, exchangeAudiences(settings));
    const mode = settings.exchangeAuthorization;
    const required = requiredFor(requiredPermissions(settings), mode);
    let rows = required.map((r) =>
      permissionRow(r, evidence, dir, inToken(r, tokens, settings.grant)),
    );
    // auto: an Exchange app role Entra does not show is judged by the app-only login
    // (exchange-authorization.ts); the logins are waited for only when one is in question and
    // the run logs in at all.
    if (mode === 'auto' && rows.some(unprovenRole)) {
      const logins = settings.checks.includes('mailbox')
        ? await mailboxLogins(ctx).then(
            (l) => l.logins,
            () => ({}),
          )
        : {};
      rows = judgeByLogin(rows, logins, settings.grant);
    }
    const found = findings({
      settings,
      application: read.application,
      evidence,
      token: tokens,
      rows,
      mailToken: mail.ok ? { ok: true } : { ok: false, code: mail.failure.code },
    });
    const failing = rows.filter((r) => r.verdict === 'fail');

    const refused = refusedReads(read);
    // Graph's display name goes into the fix text: one line, no code span of its own.
    const appName = read.application?.displayName
      ? proseValue(read.application.displayName)
      : 'your app';
    const status = statusOf(rows, found);
    const remediation = [
      // The hint about reading grants is a fix only when something is not confirmed.
      remediationFor(
        rows,
        settings,
        appName,
        refused.length > 0 && rows.some((r) => r.verdict !== 'pass'),
      ),
      ...exchangeRoutes(rows, settings, read),
      ...found.map((f) => f.remediation),
    ]
      .filter(Boolean)
      .join('\n');
    // A finding's code (e.g. AADSTS700025) when it is what decides the status.
    const code = found.find((f) => f.level === status && f.code)?.code;
    const result: CheckResult = {
      id: 'permissions',
      title: TITLE,
      status,
      summary: summaryOf(
        rows,
        found,
        rows.some((r) => r.consented === 'unknown'),
      ),
      details: detailsOf(read, evidence, dir, rows, found, refused, tokens.mailFailure),
      ...(remediation ? { remediation } : {}),
      ...(code ? { code } : {}),
      tables: [permissionTable(rows)],
    };
    // Without a Graph token nothing here can be told; when the mail token failed too, it is the
    // one credential failing twice (e.g. a runner without an OIDC token).
    const followsFrom =
      graph && !graph.ok && !mail.ok
        ? 'needs-token'
        : sameCauseAsToken(rows, found, mail.ok ? undefined : mail.failure.code);
    if (followsFrom) result.followsFrom = followsFrom;
    return {
      results: [result],
      outputs: { missingPermissions: failing.map((r) => formatPermission(r.requirement)) },
    };
  },
};

function statusOf(rows: PermissionRow[], found: Finding[]): CheckStatus {
  if (rows.some((r) => r.verdict === 'fail') || found.some((f) => f.level === 'fail'))
    return 'fail';
  if (
    rows.some((r) => r.verdict === 'warn' || r.verdict === 'unknown') ||
    found.some((f) => f.level === 'warn')
  )
    return 'warn';
  return 'pass';
}

/**
 * When everything this check finds wrong is the mail token's refusal seen from the registration,
 * that refusal's code: the Access token row then stays the one red row (engine/one-cause.ts).
 * AADSTS65001 (ROPC asked for delegated permissions nobody consented to): every permission that
 * is not passing is a delegated one that is not consented, or not configured at all (ROPC cannot
 * show the consent prompt a permission missing from the registration would need). A finding with
 * the token's own code (AADSTS700025, the public-client flag) explains it too. Anything else (an
 * application permission, a warning) is a cause of its own, and this row stays red.
 */
function sameCauseAsToken(
  rows: PermissionRow[],
  found: Finding[],
  tokenCode: string | undefined,
): `AADSTS${number}` | undefined {
  if (!tokenCode || !/^AADSTS\d+$/.test(tokenCode)) return undefined;
  const open = rows.filter((r) => r.verdict !== 'pass');
  const consentOnly =
    !open.length ||
    (tokenCode === 'AADSTS65001' &&
      open.every(
        (r) =>
          r.verdict === 'fail' &&
          (r.problem === 'not-consented' || r.problem === 'not-configured') &&
          r.requirement.type === 'delegated',
      ));
  const problems = found.filter((f) => f.level !== 'note');
  if (!consentOnly || !problems.every((f) => f.code === tokenCode)) return undefined;
  return open.length || problems.length ? (tokenCode as `AADSTS${number}`) : undefined;
}

/** App-only: both ways Exchange can authorize the app, with the IDs filled in, per unproven role. */
function exchangeRoutes(
  rows: PermissionRow[],
  settings: Settings,
  read: RegistrationRead,
): string[] {
  const sp = read.servicePrincipal?.ok ? read.servicePrincipal.value.id : undefined;
  return rows
    .filter((r) => r.verdict !== 'pass' && exchangeRoleProtocol(r.requirement))
    .map((r) =>
      appOnlyRoutes(
        {
          clientId: settings.clientId,
          mailbox: settings.username || '<mailbox>',
          ...(sp ? { servicePrincipalObjectId: sp } : {}),
        },
        exchangeRoleProtocol(r.requirement)!,
        r.requirement.name,
      ),
    );
}

const PROBLEM_TEXT: Record<NonNullable<PermissionRow['problem']>, string> = {
  'not-configured': 'not configured',
  'not-consented': 'not consented',
  'absent-from-token': 'not in the token',
  'not-on-registration': 'granted but not on the registration',
  'no-such-permission': 'no such permission',
  'cannot-tell': 'could not be told',
  'no-login-to-tell':
    'not granted in Entra, and no app-only login showed whether Exchange (RBAC for Applications or a mailbox permission) authorizes the app',
};

const AUTHORIZED_BY_EXCHANGE =
  'authorized by Exchange (RBAC for Applications or mailbox permission)';

function summaryOf(rows: PermissionRow[], found: Finding[], partial: boolean): string {
  const failing = rows.filter((r) => r.verdict === 'fail');
  if (failing.length)
    return `${failing.length} of ${rows.length} required permissions missing: ${failing
      .map((r) => `${formatPermission(r.requirement)} ${PROBLEM_TEXT[r.problem!]}`)
      .join(', ')}`;
  const bad = found.find((f) => f.level === 'fail') ?? found.find((f) => f.level === 'warn');
  if (bad) return bad.text;
  const unknown = rows.filter((r) => r.verdict === 'unknown' || r.verdict === 'warn');
  if (unknown.length)
    return `${rows.length - unknown.length} of ${rows.length} required permissions confirmed; ${unknown
      .map((r) => `${formatPermission(r.requirement)} ${PROBLEM_TEXT[r.problem!]}`)
      .join(', ')}`;
  const byExchange = rows.filter((r) => r.authorizedBy);
  if (byExchange.length)
    return `${byExchange.map((r) => formatPermission(r.requirement)).join(', ')} not granted in Entra but ${AUTHORIZED_BY_EXCHANGE} (the app-only login worked); ${rows.length - byExchange.length} of ${rows.length} granted in Entra`;
  if (partial)
    return `all ${rows.length} required permissions are in the token (grants could not be read; judged from the token)`;
  // A failed token request leaves nothing to look in: say only what the registration shows.
  return rows.some((r) => r.inToken === 'no token')
    ? `all ${rows.length} required permissions are configured and consented (no token to look in: see the Access token check)`
    : `all ${rows.length} required permissions are configured, consented and in the token`;
}

interface Refusal extends GraphReadFailure {
  what: string;
}

function refusedReads(read: RegistrationRead): Refusal[] {
  const parts: [string, GraphPart<unknown> | undefined][] = [
    ["the app's service principal", read.servicePrincipal],
    ['appRoleAssignments (granted application permissions)', read.appRoleAssignments],
    ['oauth2PermissionGrants (consented delegated permissions)', read.permissionGrants],
    ['the Microsoft Graph service principal', read.resources?.graph],
    ['the Exchange Online service principal', read.resources?.exchange],
  ];
  return parts.flatMap(([what, part]) => (part && !part.ok ? [{ ...part.failure, what }] : []));
}

function detailsOf(
  read: RegistrationRead,
  evidence: RegistrationEvidence,
  dir: PermissionDirectory,
  rows: PermissionRow[],
  found: Finding[],
  refused: Refusal[],
  mailFailure: string | undefined,
): string {
  const lines: string[] = [];
  for (const r of rows)
    lines.push(
      `${formatPermission(r.requirement)}: ${r.authorizedBy ? `${AUTHORIZED_BY_EXCHANGE}: not granted in Entra, but the app-only ${exchangeRoleProtocol(r.requirement)!.toUpperCase()} login worked` : r.verdict === 'pass' ? 'ok' : PROBLEM_TEXT[r.problem!]}` +
        `${r.foundUnder && r.requirement.eitherResource ? ` (under ${RESOURCE_NAMES[r.foundUnder]})` : ''}; needed because ${r.requirement.why}.`,
    );
  if (read.failure)
    lines.push(
      `Could not read the registration through Microsoft Graph (${read.failure.message}): whether each permission is configured or consented could not be told; judged from the token alone.`,
    );
  for (const r of refused) lines.push(explainGraphRefusal(r.what, r));
  if (mailFailure) lines.push(`No mail token to compare with: ${mailFailure}`);
  if (!read.failure)
    for (const resource of ['graph', 'exchange'] as const)
      if (dir.source[resource] === 'built-in')
        lines.push(
          `Permission ids of ${RESOURCE_NAMES[resource]} come from the built-in table (its service principal could not be read).`,
        );
  for (const f of found) lines.push(f.text);
  lines.push(...federatedCredentialLines(read));
  const extra = notRequired(evidence, rows);
  if (extra.length)
    lines.push(`Also granted, not required (a note, not a failure): ${extra.join(', ')}.`);
  return lines.join('\n');
}

function permissionTable(rows: PermissionRow[]): DetailTable {
  return {
    caption: 'Permissions',
    headers: ['Permission', 'Type', 'Resource', 'Configured', 'Consented', 'In token', 'Verdict'],
    rows: rows.map((r) => [
      r.requirement.name,
      r.requirement.type,
      r.requirement.eitherResource
        ? r.foundUnder
          ? RESOURCE_NAMES[r.foundUnder]
          : 'Microsoft Graph or Exchange Online'
        : RESOURCE_NAMES[r.requirement.resource],
      r.configured,
      r.consentedByOneUser ? 'yes (one user)' : r.consented,
      r.inToken,
      r.authorizedBy
        ? `pass: ${AUTHORIZED_BY_EXCHANGE}`
        : r.verdict === 'pass'
          ? 'pass'
          : `${r.verdict}: ${PROBLEM_TEXT[r.problem!]}`,
    ]),
  };
}

/** Entra allows 20 federated identity credentials per application. */
const FEDERATED_CREDENTIALS_MAX = 20;

/** Federation: how many of the app's 20 federated credentials are used, and which. */
function federatedCredentialLines(read: RegistrationRead): string[] {
  const part = read.federatedCredentials;
  if (!part) return [];
  if (!part.ok)
    return [`Microsoft Graph did not show the federated credentials: ${part.failure.message}.`];
  const creds = part.value;
  return [
    `Federated credentials: ${creds.length} of the ${FEDERATED_CREDENTIALS_MAX} allowed are used${creds.length >= FEDERATED_CREDENTIALS_MAX ? ' (no room for another: delete one first)' : ''}.`,
    ...creds.map(
      (c) =>
        `  ${c.name}: issuer ${c.issuer}, subject ${c.subject ?? '(expression)'}, audience ${c.audiences.join(' ')}`,
    ),
  ];
}
