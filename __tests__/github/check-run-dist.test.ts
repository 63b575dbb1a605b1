// The verdict on the pull request, through dist/index.js run as a runner runs it, its two REST
// calls (src/github/rest.ts) talking to a GitHub API stand-in on loopback (GITHUB_API_URL).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { SANDBOX_PASSWORD, SANDBOX_SECRET } from '../../sandbox/tenant.js';
import { findLeaks } from '../helpers/leak-check.js';
import { runAction } from '../helpers/run-action.js';
import { startFakeGitHubApi, type FakeGitHubApi } from './fake-github-api.js';

const GITHUB_TOKEN = 'ghs_loopbackWorkflowToken0123456789';
const HEAD_SHA = '1111111111111111111111111111111111111111';
const MERGE_SHA = '9999999999999999999999999999999999999999';
const FORK_EVENT = resolve('__tests__/fixtures/events/pull-request-fork.json');
const PR_EVENT = resolve('__tests__/fixtures/events/pull-request.json');

let sandbox: Sandbox;
let github: FakeGitHubApi;
beforeAll(async () => {
  sandbox = await startSandbox();
  github = await startFakeGitHubApi();
});
afterAll(async () => {
  await sandbox.close();
  await github.close();
});
beforeEach(() => {
  github.requests.length = 0;
  github.refuse.checks = undefined;
  github.refuse.statuses = undefined;
});

const inputs = (extra: Record<string, string> = {}) =>
  sandboxInputs(sandbox, { 'github-token': GITHUB_TOKEN, ...extra });

const pullRequestEnv = (eventPath = PR_EVENT) => ({
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_REPOSITORY: 'contoso/mail-integration',
  GITHUB_SHA: MERGE_SHA,
  GITHUB_API_URL: github.url,
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_RUN_ID: '1234',
});

const warnings = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::warning'));

describe('pull-request check (dist/index.js, loopback GitHub API)', () => {
  it('creates a check run on the head SHA with the passing verdict', async () => {
    const run = await runAction(inputs(), { env: pullRequestEnv() });
    expect(run.code).toBe(0);
    expect(github.requests).toHaveLength(1);
    const [call] = github.requests;
    expect(call).toMatchObject({
      method: 'POST',
      path: '/repos/contoso/mail-integration/check-runs',
      authorization: `token ${GITHUB_TOKEN}`,
    });
    expect(call!.body).toMatchObject({
      name: 'Microsoft 365 mail preflight',
      head_sha: HEAD_SHA,
      status: 'completed',
      conclusion: 'success',
      details_url: 'https://github.example/contoso/mail-integration/actions/runs/1234',
      output: { title: 'Passed: 2 passed' },
    });
    const output = call!.body.output as { summary: string };
    expect(output.summary).toContain('Microsoft 365 mail preflight: pass');
    expect(output.summary).toContain('<td>Access token</td>');
    expect(warnings(run.stdout)).toEqual([]);
    expect(run.stdout).toContain(`::add-mask::${GITHUB_TOKEN}`);
    expect(findLeaks(run, [GITHUB_TOKEN, SANDBOX_SECRET, SANDBOX_PASSWORD])).toEqual([]);
  });

  it('puts a failing verdict, with the diagnosis, on the check run', async () => {
    const run = await runAction(inputs({ password: 'not the password' }), {
      env: pullRequestEnv(),
    });
    expect(run.code).toBe(1);
    expect(github.requests).toHaveLength(1);
    const body = github.requests[0]!.body as {
      head_sha: string;
      conclusion: string;
      output: { title: string; summary: string };
    };
    expect(body.head_sha).toBe(HEAD_SHA);
    expect(body.conclusion).toBe('failure');
    expect(body.output.title).toBe('Failed: 1 failed, 1 passed');
    expect(body.output.summary).toContain('AADSTS50126');
    expect(JSON.stringify(body)).not.toContain('not the password');
  });

  it('falls back to a commit status on the head SHA when check runs are refused (403)', async () => {
    github.refuse.checks = 403;
    const run = await runAction(inputs(), { env: pullRequestEnv() });
    expect(run.code).toBe(0);
    expect(github.requests.map((r) => r.path)).toEqual([
      '/repos/contoso/mail-integration/check-runs',
      `/repos/contoso/mail-integration/statuses/${HEAD_SHA}`,
    ]);
    expect(github.requests[1]!.body).toEqual({
      state: 'success',
      context: 'Microsoft 365 mail preflight',
      description: 'Passed: 2 passed',
      target_url: 'https://github.example/contoso/mail-integration/actions/runs/1234',
    });
    expect(warnings(run.stdout)).toEqual([]);
  });

  it('warns once, naming the permissions line, when neither is allowed', async () => {
    github.refuse.checks = 403;
    github.refuse.statuses = 403;
    const run = await runAction(inputs(), { env: pullRequestEnv() });
    expect(run.code).toBe(0);
    expect(github.requests).toHaveLength(2);
    const lines = warnings(run.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::warning title=Pull-request check not created::/);
    expect(lines[0]).toContain('`checks: write`');
    expect(lines[0]).toContain('`permissions:`');
  });

  it('skips a pull request from a fork with a notice, without input errors or requests', async () => {
    const before = sandbox.requests.length;
    const run = await runAction(
      inputs({ 'client-secret': '', password: '', 'github-token': GITHUB_TOKEN }),
      { env: pullRequestEnv(FORK_EVENT) },
    );
    expect(run.code).toBe(0);
    const notices = run.stdout.split('\n').filter((l) => l.startsWith('::notice'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('outsider/mail-integration');
    expect(notices[0]).toContain('no secrets');
    expect(run.stdout).not.toMatch(/^::(error|warning)/m);
    expect(run.outputs).toEqual({});
    expect(run.summary).toContain('skipped');
    expect(sandbox.requests.length).toBe(before);
    expect(github.requests).toEqual([]);
  });

  it('makes no GitHub request on a push with check-run: auto', async () => {
    const run = await runAction(inputs(), {
      env: { ...pullRequestEnv(), GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '' },
    });
    expect(run.code).toBe(0);
    expect(github.requests).toEqual([]);
  });

  it('a GitHub API that never answers costs only what is left of timeout-seconds', async () => {
    github.hang = true;
    try {
      const started = Date.now();
      const run = await runAction(inputs({ 'timeout-seconds': '3' }), { env: pullRequestEnv() });
      // Without the deadline each of the two GitHub calls would wait 15 s.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(run.code).toBe(0);
      expect(run.outputs.result).toBe('pass');
      expect(github.requests.length).toBeGreaterThan(0);
      expect(run.stdout).toMatch(/^::warning title=[^:]*::.*(check run|commit status)/im);
    } finally {
      github.hang = false;
    }
  });

  it('with check-run: always, also reports a push, on its commit', async () => {
    const run = await runAction(inputs({ 'check-run': 'always' }), {
      env: { ...pullRequestEnv(), GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '' },
    });
    expect(run.code).toBe(0);
    expect(github.requests.map((r) => r.body.head_sha)).toEqual([MERGE_SHA]);
  });

  it('names a GitHub refusal other than 403 in one warning, without a commit status', async () => {
    github.refuse.checks = 422;
    const run = await runAction(inputs(), { env: pullRequestEnv() });
    expect(run.code).toBe(0);
    expect(github.requests).toHaveLength(1);
    expect(warnings(run.stdout)).toEqual([
      expect.stringMatching(
        /^::warning title=Pull-request check not created::Could not create the pull-request check run: HTTP 422: Resource not accessible by integration\./,
      ),
    ]);
  });

  it('ships one HTTP stack: no Octokit and one undici in the whole action bundle', () => {
    const files = readdirSync('dist/action').filter((f) => f.endsWith('.js'));
    const text = files.map((f) => readFileSync(join('dist/action', f), 'utf8')).join('\n');
    expect(text).not.toMatch(/octokit/i);
    expect(text.match(/Symbol\(["']onDestroyed["']\)/g)).toHaveLength(1);
  });
});
