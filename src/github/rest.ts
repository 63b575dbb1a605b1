// The two GitHub REST calls the pull-request check makes (create a check run, create a commit
// status), through the undici we ship (loaded only when a check is published), instead of Octokit
// and the second undici it brings.
// API reference: https://docs.github.com/en/rest/checks/runs#create-a-check-run and
// https://docs.github.com/en/rest/commits/statuses#create-a-commit-status
import type { Dispatcher } from 'undici';
import { BodyTooLarge, describeBytes, readCappedText } from '../http/capped-body.js';

/** GitHub answers these calls with a few hundred bytes; anything past this is not read. */
export const MAX_GITHUB_BODY_BYTES = 64 * 1024;
const MAX_MESSAGE_CHARS = 200;

export class GitHubApiError extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface GitHubRestOptions {
  apiUrl: string;
  token: string;
  dispatcher: Dispatcher;
}

export type GitHubPost = (
  path: string,
  body: Record<string, unknown>,
  timeoutMs: number,
) => Promise<Record<string, unknown>>;

/** POST JSON to the REST API; resolves with the answer's JSON on 2xx, else GitHubApiError. */
export function githubPost(options: GitHubRestOptions): GitHubPost {
  const base = options.apiUrl.replace(/\/+$/, '');
  return async (path, body, timeoutMs) => {
    let answer: Dispatcher.ResponseData;
    try {
      const { request } = await import('../http/undici-parts.js');
      answer = await request(`${base}${path}`, {
        method: 'POST',
        dispatcher: options.dispatcher,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `token ${options.token}`,
          'content-type': 'application/json',
          'user-agent': 'm365-mail-preflight',
          'x-github-api-version': '2022-11-28',
        },
        body: JSON.stringify(body),
      });
    } catch (error) {
      const timedOut = error instanceof Error && /abort|timeout/i.test(error.name);
      throw new GitHubApiError(
        undefined,
        timedOut
          ? `the GitHub API (${base}) did not answer within ${timeoutMs} ms (timed out)`
          : oneLine(error instanceof Error ? error.message : String(error)),
      );
    }
    let text: string;
    try {
      const length = answer.headers['content-length'];
      text = await readCappedText(
        answer.body,
        MAX_GITHUB_BODY_BYTES,
        typeof length === 'string' ? length : undefined,
      );
    } catch (error) {
      throw new GitHubApiError(
        undefined,
        error instanceof BodyTooLarge
          ? `answer too large from the GitHub API: more than ${describeBytes(MAX_GITHUB_BODY_BYTES)}, not read further`
          : oneLine(error instanceof Error ? error.message : String(error)),
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    const json = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    if (answer.statusCode >= 200 && answer.statusCode < 300) return json;
    const message = typeof json.message === 'string' ? json.message : `HTTP ${answer.statusCode}`;
    throw new GitHubApiError(answer.statusCode, oneLine(message));
  };
}

/** Server text on one line, without control characters, and short. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS - 1)}…` : flat;
}
