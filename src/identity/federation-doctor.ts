// The federated-credential doctor: when Entra refuses the workflow's OIDC token, show side by side
// what the workflow presented (its decoded claims, never the token) and what the app registration
// must have, and print the fix ready to paste. Loaded only when a federated sign-in fails.
//
// Entra matches a federated identity credential on issuer, subject and audience, exactly and
// case-sensitively (case-sensitive since the August 2024 change:
// https://learn.microsoft.com/entra/identity-platform/reference-breaking-changes#august-2024;
// https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
// GitHub builds `sub` by the first rule that applies: the job's environment, else pull_request
// events, else the ref (https://docs.github.com/actions/reference/security/oidc).
import { decodeClaims } from './jwt-claims.js';
import { FEDERATED_AUDIENCE, GITHUB_ISSUER } from './github-oidc.js';
import type { Cloud } from '../settings/types.js';
import { graphId, shLiteral } from '../text/command-values.js';

/** The codes the doctor explains. Sources of their wording: sandbox/entra-errors.ts. */
export const FEDERATION_CODES: ReadonlySet<number> = new Set([
  70021, 700211, 700212, 700213, 7002138, 700024,
]);

export interface PresentedClaims {
  iss?: string;
  sub?: string;
  aud?: string;
  job_workflow_ref?: string;
  environment?: string;
  ref?: string;
  event_name?: string;
  repository?: string;
  iat?: number;
  nbf?: number;
  exp?: number;
}

/** The claims the doctor shows, read from a GitHub OIDC token without verifying it. */
export function presentedClaims(token: string | undefined): PresentedClaims | undefined {
  const raw = token ? (decodeClaims(token) as Record<string, unknown> | undefined) : undefined;
  if (!raw) return undefined;
  const text = (k: string) => (typeof raw[k] === 'string' ? raw[k] : undefined);
  const num = (k: string) => (typeof raw[k] === 'number' ? raw[k] : undefined);
  const aud = Array.isArray(raw.aud)
    ? raw.aud.filter((a) => typeof a === 'string').join(' ')
    : text('aud');
  return {
    iss: text('iss'),
    sub: text('sub'),
    aud,
    job_workflow_ref: text('job_workflow_ref'),
    environment: text('environment'),
    ref: text('ref'),
    event_name: text('event_name'),
    repository: text('repository'),
    iat: num('iat'),
    nbf: num('nbf'),
    exp: num('exp'),
  };
}

export interface DoctorInput {
  code: number;
  presented: PresentedClaims | undefined;
  clientId: string;
  cloud: Cloud;
  /** The audience this run asked GitHub for (`federated-audience`). */
  audience: string;
  now: Date;
}

export interface DoctorFinding {
  summary: string;
  details: string;
  remediation: string;
}

/** What a federated credential for this workflow must hold: GitHub's issuer, the presented subject, Entra's audience. */
function required(input: DoctorInput) {
  return {
    issuer: GITHUB_ISSUER,
    subject: input.presented?.sub ?? '(the subject of the workflow’s token)',
    audience: FEDERATED_AUDIENCE[input.cloud],
  };
}

export function diagnoseFederation(input: DoctorInput): DoctorFinding {
  const p = input.presented;
  const want = required(input);
  const subject = p?.sub ?? '(unknown: the token could not be read)';
  let summary: string;
  let why: string[];
  switch (input.code) {
    case 700211:
      summary = `no federated credential of app ${input.clientId} has the issuer the workflow presented ('${p?.iss ?? 'unknown'}')`;
      why = [
        `The issuer must be exactly ${GITHUB_ISSUER}: no trailing slash, https, lower case. GitHub Enterprise Cloud with a customised issuer presents ${GITHUB_ISSUER}/<enterprise-slug> instead; then that is the issuer to configure.`,
      ];
      break;
    case 700212:
      summary = `no federated credential of app ${input.clientId} has the audience the workflow presented ('${p?.aud ?? input.audience}')`;
      why = [
        `Entra's audience is ${FEDERATED_AUDIENCE.public} (public cloud), ${FEDERATED_AUDIENCE.usgov} (usgov, usgov-dod) or ${FEDERATED_AUDIENCE.china} (china). The credential's audience and \`federated-audience\` (default: the one for \`cloud: ${input.cloud}\`) must be the same.`,
      ];
      break;
    case 7002138:
      summary = `the app's federated credential subject differs from the presented subject '${subject}' only in upper/lower case`;
      why = [
        'Since 2024 Entra compares subjects case-sensitively. GitHub writes the owner, repository and environment names with the case they have on GitHub (environment names as created, e.g. Production vs production).',
      ];
      break;
    case 700024:
      summary = `Entra judged the workflow's OIDC token outside its valid time range${timeRange(p)}`;
      why = [
        "GitHub's tokens live 5 minutes and this action fetches a fresh one for every token request, so the usual cause is the runner's clock (self-hosted runners: check NTP) or a run held up for minutes between fetching and sending. Run the job again; if it repeats, fix the runner's clock.",
      ];
      break;
    case 70021:
    case 700213:
    default:
      summary = `no federated credential of app ${input.clientId} matches the subject the workflow presented: '${subject}'`;
      why = subjectRules(p);
  }
  const details = [
    sideBySide(p, want),
    ...(p ? [] : ['The workflow’s token could not be decoded, so its claims are not shown.']),
    ...why,
  ].join('\n');
  const remediation =
    input.code === 700024
      ? `Run the job again; on a self-hosted runner sync its clock (NTP). Nothing on the app registration needs to change.`
      : fixText(input.clientId, want);
  return { summary, details, remediation };
}

function timeRange(p: PresentedClaims | undefined): string {
  if (!p?.exp) return '';
  const at = (s: number) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return ` (issued ${p.iat ? at(p.iat) : 'unknown'}, expired ${at(p.exp)})`;
}

function subjectRules(p: PresentedClaims | undefined): string[] {
  const rules = [
    'GitHub builds the subject by the first rule that applies: the job’s `environment:` gives repo:OWNER/REPO:environment:NAME; else a pull_request event gives repo:OWNER/REPO:pull_request; else repo:OWNER/REPO:ref:refs/heads/BRANCH (or refs/tags/TAG). A credential for a branch does not match a job that names an environment, and a pull request never matches a branch credential.',
    'Repositories created (or renamed or transferred) after 2026-07-15 present repo:OWNER@OWNER_ID/REPO@REPO_ID:...; an organisation may also customise the subject template (GET /repos/OWNER/REPO/actions/oidc/customization/sub). Matching is exact and case-sensitive.',
  ];
  if (p?.environment)
    rules.unshift(
      `This job runs in environment '${p.environment}', so its subject ends in :environment:${p.environment}, not :ref:${p.ref ?? '...'}.`,
    );
  else if (p?.event_name === 'pull_request')
    rules.unshift('This run is a pull_request event, so its subject ends in :pull_request.');
  return rules;
}

function sideBySide(
  p: PresentedClaims | undefined,
  want: { issuer: string; subject: string; audience: string },
): string {
  const rows: [string, string, string][] = [
    ['', 'the workflow presented', 'a federated credential must have'],
    ['issuer', p?.iss ?? '?', want.issuer],
    ['subject', p?.sub ?? '?', want.subject],
    ['audience', p?.aud ?? '?', want.audience],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`.trimEnd());
  const more: [string, string | undefined][] = [
    ['job_workflow_ref', p?.job_workflow_ref],
    ['environment', p?.environment ?? (p ? '(none)' : undefined)],
    ['ref', p?.ref],
    ['event', p?.event_name],
  ];
  const w = Math.max(...more.map(([k]) => k.length));
  return [
    'Claims of the OIDC token (decoded; the token itself is never shown):',
    ...lines,
    ...more.filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k.padEnd(w)}  ${v}`),
  ].join('\n');
}

/** A name Entra accepts for a federated credential: letters, digits, '-' and '_', at most 120. */
function credentialName(subject: string): string {
  const slug = subject
    .replace(/^repo:/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `github-${slug}`.slice(0, 120);
}

function portalEntity(subject: string): string {
  const m = /:(environment|pull_request|ref)(?::(.*))?$/.exec(subject);
  if (!m) return 'the entity that matches the subject above';
  if (m[1] === 'environment') return `entity type Environment, value ${m[2] ?? ''}`;
  if (m[1] === 'pull_request') return 'entity type Pull request';
  const ref = m[2] ?? '';
  return ref.startsWith('refs/tags/')
    ? `entity type Tag, value ${ref.slice('refs/tags/'.length)}`
    : `entity type Branch, value ${ref.replace(/^refs\/heads\//, '')}`;
}

function fixText(
  clientId: string,
  want: { issuer: string; subject: string; audience: string },
): string {
  const parameters = JSON.stringify({
    name: credentialName(want.subject),
    issuer: want.issuer,
    subject: want.subject,
    audiences: [want.audience],
  });
  return [
    `Add a federated credential with subject ${want.subject} (issuer ${want.issuer}, audience ${want.audience}):`,
    `az ad app federated-credential create --id ${graphId(clientId)} --parameters ${shLiteral(parameters)}`,
    `Or in the Entra admin center: App registrations → the app → Certificates & secrets → Federated credentials → Add credential → GitHub Actions deploying Azure resources, with the organisation and repository of the subject and ${portalEntity(want.subject)}; check that the subject the portal shows is exactly the one above (use "Other issuer" to paste it if it differs). A new credential can take a minute to apply.`,
  ].join('\n');
}
