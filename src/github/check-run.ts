// Puts the verdict on the pull request: a check run on the head commit, or, when the token may
// not create check runs (403: no `checks: write`), a commit status; when it may do neither, one
// warning naming the `permissions:` line to add. Never fails the step: the preflight's own
// verdict is what counts. Two REST calls, made through the run's own undici (./rest.ts).
import type { Dispatcher } from 'undici';
import type { Report } from '../engine/types.js';
import { errorMessage } from '../http/errors.js';
import type { CheckRunMode } from '../settings/types.js';
import { isLoopbackHost } from '../settings/validators.js';
import {
  CHECK_RUN_SUMMARY_MAX_BYTES,
  SUMMARY_TITLE,
  renderSummary,
} from '../report/summary-html.js';
import { countLine } from '../report/status.js';
import { setupGuideUrl } from '../report/setup-link.js';
import type { WorkflowEvent } from './event.js';
import { GitHubApiError, githubPost } from './rest.js';

const CHECK_NAME = SUMMARY_TITLE;
const STATUS_DESCRIPTION_MAX = 140;
const REQUEST_TIMEOUT_MS = 15_000;

export interface CheckRunRequest {
  report: Report;
  /** The step fails (fail, or warn with fail-on: warning): the check says failure too. */
  failsStep: boolean;
  token: string;
  mode: CheckRunMode;
  event: WorkflowEvent;
  env?: NodeJS.ProcessEnv;
  /** Time left of the run's deadline (`timeout-seconds`) for each GitHub request. */
  timeoutMs?: number;
  /** The run's dispatcher (proxy-aware); a new proxy-aware one by default. */
  dispatcher?: Dispatcher;
  log: { debug(m: string): void; info(m: string): void; warning(m: string, title: string): void };
}

export type CheckRunOutcome =
  | { kind: 'check-run'; id: number; sha: string; url?: string }
  | { kind: 'commit-status'; sha: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'not-allowed' }
  | { kind: 'error'; message: string };

type Conclusion = 'success' | 'neutral' | 'failure';

export function conclusionOf(report: Report, failsStep: boolean): Conclusion {
  if (failsStep || report.result === 'fail') return 'failure';
  return report.result === 'warn' ? 'neutral' : 'success';
}

export function titleOf(report: Report): string {
  const verdict = { pass: 'Passed', warn: 'Passed with warnings', fail: 'Failed' }[report.result];
  return `${verdict}: ${countLine(report.checks.map((c) => c.status))}`;
}

export async function publishPullRequestCheck(req: CheckRunRequest): Promise<CheckRunOutcome> {
  const env = req.env ?? process.env;
  const skip = (reason: string): CheckRunOutcome => {
    req.log.debug(`check run skipped: ${reason}`);
    return { kind: 'skipped', reason };
  };
  if (req.mode === 'never') return skip('check-run: never');
  const sha = req.event.pullRequest?.headSha ?? (req.mode === 'always' ? req.event.sha : '');
  if (!sha) return skip(`not a pull request event (${req.event.name || 'no event'})`);
  const [owner, repo] = req.event.repository.split('/');
  if (!owner || !repo) return skip('GITHUB_REPOSITORY is not set');
  if (!req.token) {
    if (req.mode === 'always')
      req.log.warning(
        'check-run is always, but github-token is empty: give it ${{ github.token }} (the default) or a token that may create check runs.',
        'Pull-request check not created',
      );
    return skip('github-token is empty');
  }
  const apiUrl = env.GITHUB_API_URL || 'https://api.github.com';
  if (!usableApiUrl(apiUrl)) {
    req.log.warning(
      `GITHUB_API_URL '${apiUrl}' is not https:// (plain http is used only for loopback hosts); the token is not sent there.`,
      'Pull-request check not created',
    );
    return { kind: 'error', message: 'GITHUB_API_URL is not https' };
  }

  const post = githubPost({
    apiUrl,
    token: req.token,
    // undici loads only here, for a run that publishes a check (not at start-up).
    dispatcher: req.dispatcher ?? (await import('../http/undici-parts.js')).proxyAwareDispatcher(),
  });
  const timeoutMs = Math.min(REQUEST_TIMEOUT_MS, req.timeoutMs ?? REQUEST_TIMEOUT_MS);
  const conclusion = conclusionOf(req.report, req.failsStep);
  const title = titleOf(req.report);
  const runUrl = workflowRunUrl(env, req.event.repository);
  const path = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  try {
    const created = await post(
      `${path}/check-runs`,
      {
        name: CHECK_NAME,
        head_sha: sha,
        status: 'completed',
        conclusion,
        ...(runUrl ? { details_url: runUrl } : {}),
        output: {
          title,
          summary: renderSummary(req.report, {
            maxBytes: CHECK_RUN_SUMMARY_MAX_BYTES,
            setupGuideUrl: setupGuideUrl(env),
          }),
        },
      },
      timeoutMs,
    );
    req.log.info(`Check run '${CHECK_NAME}' created on ${sha}: ${conclusion}`);
    return {
      kind: 'check-run',
      id: typeof created.id === 'number' ? created.id : 0,
      sha,
      url: typeof created.html_url === 'string' ? created.html_url : undefined,
    };
  } catch (error) {
    if (statusOf(error) !== 403) return failed(req, error, 'check run');
    req.log.debug('the token may not create check runs (403); trying a commit status');
  }
  try {
    await post(
      `${path}/statuses/${encodeURIComponent(sha)}`,
      {
        state: conclusion === 'failure' ? 'failure' : 'success',
        context: CHECK_NAME,
        description: clipDescription(title),
        ...(runUrl ? { target_url: runUrl } : {}),
      },
      timeoutMs,
    );
    req.log.info(`Commit status '${CHECK_NAME}' set on ${sha}: ${conclusion}`);
    return { kind: 'commit-status', sha };
  } catch (error) {
    if (statusOf(error) !== 403) return failed(req, error, 'commit status');
  }
  req.log.warning(
    'The github-token may create neither check runs nor commit statuses (403), so the verdict is not on the pull request. Add `checks: write` (or at least `statuses: write`) under `permissions:` in the job, or set check-run: never.',
    'Pull-request check not created',
  );
  return { kind: 'not-allowed' };
}

function failed(req: CheckRunRequest, error: unknown, what: string): CheckRunOutcome {
  const status = statusOf(error);
  const message = `${status ? `HTTP ${status}: ` : ''}${errorMessage(error)}`;
  req.log.warning(
    `Could not create the pull-request ${what}: ${message}. The preflight's verdict is unaffected.`,
    'Pull-request check not created',
  );
  return { kind: 'error', message };
}

function statusOf(error: unknown): number | undefined {
  return error instanceof GitHubApiError ? error.status : undefined;
}

function usableApiUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  } catch {
    return false;
  }
}

function workflowRunUrl(env: NodeJS.ProcessEnv, repository: string): string | undefined {
  if (!env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`;
}

function clipDescription(text: string): string {
  return text.length <= STATUS_DESCRIPTION_MAX
    ? text
    : `${text.slice(0, STATUS_DESCRIPTION_MAX - 1)}…`;
}
