// GitHub Actions' OIDC issuer, as a runner's job sees it (https://docs.github.com/actions/reference/security/oidc):
// GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=... with `Authorization: Bearer
// ACTIONS_ID_TOKEN_REQUEST_TOKEN` answers {"value": "<RS256 JWT>"} with GitHub's claims, a subject
// built by GitHub's rules, and a 5-minute lifetime. The sandbox's Entra side trusts its key.
import { randomUUID } from 'node:crypto';
import { generateSigningKey, signJwt, type SigningKey } from './jwt.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** GitHub's tokens live 5 minutes (exp - iat = 300 s in real tokens). */
export const GITHUB_TOKEN_LIFETIME_SECONDS = 300;
export const OIDC_PATH = '/_github/oidc/token';

/** The workflow job that asks for tokens: what GitHub derives the claims from. */
export interface GithubJob {
  owner: string;
  ownerId: number;
  repo: string;
  repoId: number;
  /** refs/heads/BRANCH, refs/tags/TAG or refs/pull/N/merge. */
  ref: string;
  eventName: string;
  /** The job's `environment:`; it decides the subject when set. */
  environment?: string;
  workflowFile: string;
  /** Subjects in the repository-id form, as for repositories created after 2026-07-15. */
  idSubject?: boolean;
  /**
   * Seconds the issuer's clock is off (negative: behind). -900 issues tokens that expired ten
   * minutes before they are used, as a token held up on its way would be.
   */
  clockOffsetSeconds?: number;
}

export const DEFAULT_JOB: GithubJob = {
  owner: 'contoso',
  ownerId: 4711001,
  repo: 'mail-connector',
  repoId: 982734001,
  ref: 'refs/heads/main',
  eventName: 'push',
  workflowFile: 'preflight.yml',
};

/** A `:` inside a value is written %3A so the subject's own separators stay unambiguous. */
const part = (value: string) => value.replace(/:/g, '%3A');

/**
 * GitHub's default subject, by the first rule that applies: the environment, else pull_request
 * events, else the ref.
 */
export function githubSubject(job: GithubJob): string {
  const prefix = job.idSubject
    ? `repo:${job.owner}@${job.ownerId}/${job.repo}@${job.repoId}`
    : `repo:${job.owner}/${job.repo}`;
  if (job.environment) return `${prefix}:environment:${part(job.environment)}`;
  if (job.eventName === 'pull_request') return `${prefix}:pull_request`;
  return `${prefix}:ref:${part(job.ref)}`;
}

export function githubClaims(job: GithubJob, audience: string, nowMs: number) {
  const now = Math.floor(nowMs / 1000) + (job.clockOffsetSeconds ?? 0);
  const repository = `${job.owner}/${job.repo}`;
  const workflowRef = `${repository}/.github/workflows/${job.workflowFile}@${job.ref}`;
  return {
    jti: randomUUID(),
    sub: githubSubject(job),
    aud: audience,
    ref: job.ref,
    sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    repository,
    repository_owner: job.owner,
    repository_owner_id: String(job.ownerId),
    repository_id: String(job.repoId),
    repository_visibility: 'private',
    run_id: '7001234567',
    run_number: '42',
    run_attempt: '1',
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'preflight',
    event_name: job.eventName,
    ref_type: job.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    ...(job.environment ? { environment: job.environment } : {}),
    job_workflow_ref: workflowRef,
    workflow_ref: workflowRef,
    runner_environment: 'github-hosted',
    iss: GITHUB_ISSUER,
    nbf: now - 5,
    iat: now,
    exp: now + GITHUB_TOKEN_LIFETIME_SECONDS,
  };
}

export interface GithubOidcIssuer {
  key: SigningKey;
  /** What the runner puts in ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  requestToken: string;
  /** Every OIDC token handed out (leak checks look for them). */
  issued: string[];
}

export function createGithubIssuer(): GithubOidcIssuer {
  return {
    key: generateSigningKey('github-actions-sandbox'),
    requestToken: `ghs-request.${randomUUID()}${randomUUID()}`.replace(/-/g, ''),
    issued: [],
  };
}

/** The runner's request URL for a sandbox at `baseUrl` (GitHub's carries an api-version too). */
export const oidcRequestUrl = (baseUrl: string) => `${baseUrl}${OIDC_PATH}?api-version=2.0`;

export function answerOidcRequest(
  issuer: GithubOidcIssuer,
  job: GithubJob,
  request: { method: string; path: string; authorization: string | undefined; now: number },
): { status: number; body: unknown } {
  if (request.method !== 'GET') return { status: 405, body: { message: 'Method not allowed' } };
  if (request.authorization !== `Bearer ${issuer.requestToken}`)
    return { status: 401, body: { message: 'Unauthorized' } };
  const query = new URLSearchParams(request.path.split('?')[1] ?? '');
  // Without an audience GitHub uses the repository owner's URL.
  const audience = query.get('audience') ?? `https://github.com/${job.owner}`;
  const token = signJwt(githubClaims(job, audience, request.now), issuer.key);
  issuer.issued.push(token);
  return { status: 200, body: { value: token } };
}
