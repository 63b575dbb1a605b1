// Reading the workflow event: the head SHA of a pull request, and whether it comes from a fork
// (the one case where GitHub withholds secrets). Plus the verdict → check conclusion mapping.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { conclusionOf, titleOf } from '../../src/github/check-run.js';
import { readWorkflowEvent, runsWithoutSecrets } from '../../src/github/event.js';
import { failingReport, passingReport } from '../report/sample-reports.js';

const dir = mkdtempSync(join(tmpdir(), 'm365-event-'));
const payloadFile = (name: string, payload: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return path;
};
const env = (name: string, path: string) => ({
  GITHUB_EVENT_NAME: name,
  GITHUB_EVENT_PATH: path,
  GITHUB_REPOSITORY: 'contoso/mail-integration',
  GITHUB_SHA: '9'.repeat(40),
});

describe('readWorkflowEvent', () => {
  it('takes the head SHA of a pull request, not the merge commit', () => {
    const event = readWorkflowEvent(
      env('pull_request', resolve('__tests__/fixtures/events/pull-request.json')),
    );
    expect(event.pullRequest).toEqual({
      number: 42,
      headSha: '1'.repeat(40),
      headRepo: 'contoso/mail-integration',
      baseRepo: 'contoso/mail-integration',
      fromFork: false,
    });
    expect(runsWithoutSecrets(event)).toBe(false);
  });

  it('knows a fork, also one whose repository was deleted', () => {
    const fork = readWorkflowEvent(
      env('pull_request', resolve('__tests__/fixtures/events/pull-request-fork.json')),
    );
    expect(runsWithoutSecrets(fork)).toBe(true);
    const deleted = payloadFile('deleted.json', {
      pull_request: {
        number: 3,
        head: { sha: '4'.repeat(40), repo: null },
        base: { repo: { full_name: 'contoso/mail-integration' } },
      },
    });
    expect(runsWithoutSecrets(readWorkflowEvent(env('pull_request', deleted)))).toBe(true);
  });

  it('does not call pull_request_target secret-less: it runs with the base repository secrets', () => {
    const event = readWorkflowEvent(
      env('pull_request_target', resolve('__tests__/fixtures/events/pull-request-fork.json')),
    );
    expect(event.pullRequest?.fromFork).toBe(true);
    expect(runsWithoutSecrets(event)).toBe(false);
  });

  it('treats other events and unreadable payloads as no pull request', () => {
    expect(readWorkflowEvent(env('push', '')).pullRequest).toBeUndefined();
    const broken = payloadFile('broken.json', '{not json');
    expect(readWorkflowEvent(env('pull_request', broken)).pullRequest).toBeUndefined();
    expect(
      readWorkflowEvent(env('pull_request', join(dir, 'missing.json'))).pullRequest,
    ).toBeUndefined();
  });
});

describe('check conclusion', () => {
  it('maps pass, warn and fail to success, neutral and failure; fail-on warning fails a warn', () => {
    const warn = { ...passingReport, result: 'warn' as const };
    expect(conclusionOf(passingReport, false)).toBe('success');
    expect(conclusionOf(warn, false)).toBe('neutral');
    expect(conclusionOf(warn, true)).toBe('failure');
    expect(conclusionOf(failingReport, true)).toBe('failure');
    expect(titleOf(failingReport)).toBe('Failed: 2 failed, 2 warnings, 2 skipped');
    expect(titleOf(warn)).toBe('Passed with warnings: 6 passed');
  });
});
