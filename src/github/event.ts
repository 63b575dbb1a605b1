// What the workflow event says about where a verdict belongs: the pull request's head commit
// (GITHUB_SHA on pull_request events is the merge commit, which no reviewer looks at), and
// whether the pull request comes from a fork (then GitHub passes no secrets to the run).
import { readFileSync } from 'node:fs';

export interface PullRequestEvent {
  number: number;
  headSha: string;
  /** owner/name the changes come from; '' when that repository was deleted. */
  headRepo: string;
  baseRepo: string;
  fromFork: boolean;
}

export interface WorkflowEvent {
  name: string;
  /** owner/name of the repository the workflow runs in. */
  repository: string;
  sha: string;
  pullRequest?: PullRequestEvent;
}

/** Events that carry a `pull_request` object whose head is the commit under review. */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

interface PayloadPr {
  number?: number;
  head?: { sha?: string; repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } | null };
}

export function readWorkflowEvent(env: NodeJS.ProcessEnv = process.env): WorkflowEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const event: WorkflowEvent = {
    name,
    repository: env.GITHUB_REPOSITORY ?? '',
    sha: env.GITHUB_SHA ?? '',
  };
  if (!PULL_REQUEST_EVENTS.has(name) || !env.GITHUB_EVENT_PATH) return event;
  let payload: { pull_request?: PayloadPr };
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof payload;
  } catch {
    return event; // No readable payload: treat as not a pull request rather than guess.
  }
  const pr = payload.pull_request;
  if (!pr?.head?.sha) return event;
  const headRepo = pr.head.repo?.full_name ?? '';
  const baseRepo = pr.base?.repo?.full_name ?? event.repository;
  event.pullRequest = {
    number: pr.number ?? 0,
    headSha: pr.head.sha,
    headRepo,
    baseRepo,
    fromFork: headRepo.toLowerCase() !== baseRepo.toLowerCase(),
  };
  return event;
}

/**
 * A pull request from a fork, on the `pull_request` event, runs without the repository's
 * secrets (pull_request_target runs with them, in the base repository's context).
 */
export function runsWithoutSecrets(event: WorkflowEvent): boolean {
  return Boolean(event.pullRequest?.fromFork) && event.name !== 'pull_request_target';
}
