// workflow-commands.ts must write exactly what @actions/core 3 writes: each function is called
// the same way on both, with stdout and the runner's files captured, and the bytes compared.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as core from '@actions/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lite from '../../src/action/workflow-commands.js';

type Api = typeof lite;
const saved = { ...process.env };
// One directory for the whole file: both implementations keep the summary path they first found.
const dir = mkdtempSync(join(tmpdir(), 'wfc-'));

beforeEach(() => {
  for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '');
  process.env.GITHUB_OUTPUT = join(dir, 'output');
  process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary');
  process.env['INPUT_TENANT-ID'] = '  contoso.example \n';
  process.env.INPUT_MY_INPUT = ' x ';
});
afterEach(() => {
  process.env = { ...saved };
  process.exitCode = undefined;
});

/** Runs `use` against one implementation; returns stdout, the files and the exit code. */
async function capture(api: Api, use: (api: Api) => unknown) {
  for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '');
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string) => {
    chunks.push(String(chunk));
    return true;
  };
  try {
    await use(api);
  } finally {
    process.stdout.write = write;
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  // The heredoc delimiter is random by design: compare its shape, not its value.
  const normalise = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X');
  return {
    stdout: normalise(chunks.join('')),
    output: normalise(readFileSync(join(dir, 'output'), 'utf8')),
    summary: readFileSync(join(dir, 'summary'), 'utf8'),
    exitCode,
  };
}

const cases: [string, (api: Api) => unknown][] = [
  ['setSecret', (api) => api.setSecret('p%ss\r\nword: a,b')],
  ['setOutput (file)', (api) => api.setOutput('access-token', 'a.b.c\nline 2')],
  ['setOutput of a number', (api) => api.setOutput('secret-days-left', 12)],
  [
    'setOutput without GITHUB_OUTPUT',
    (api) => {
      delete process.env.GITHUB_OUTPUT;
      api.setOutput('result', 'pass');
    },
  ],
  ['info', (api) => api.info('PASS Access token: 100% fine\nnext')],
  ['debug', (api) => api.debug('token endpoint: HTTP 429, retry 1 in 50 ms')],
  ['warning without properties', (api) => api.warning('a: b, c%')],
  ['warning with a title', (api) => api.warning('w', { title: 'Inputs: warning, here' })],
  ['error with an undefined title', (api) => api.error('e', { title: undefined })],
  ['error from an Error', (api) => api.error(new Error('boom'))],
  [
    'notice with every property',
    (api) =>
      api.notice('n', {
        title: 't',
        file: 'a.yml',
        startLine: 3,
        endLine: 4,
        startColumn: 1,
        endColumn: 9,
      }),
  ],
  ['setFailed', (api) => api.setFailed('m365-mail-preflight failed unexpectedly: x')],
  [
    'getInput',
    (api) =>
      api.info(
        JSON.stringify([
          api.getInput('tenant-id'),
          api.getInput('tenant-id', { trimWhitespace: false }),
          api.getInput('my input'),
          api.getInput('absent'),
        ]),
      ),
  ],
  [
    'summary (appended twice)',
    async (api) => {
      for (const text of ['first\n', 'second'])
        if (api === lite) await lite.appendSummary(text);
        else await (api as unknown as typeof core).summary.addRaw(text).write();
    },
  ],
];

describe('workflow-commands matches @actions/core byte for byte', () => {
  it.each(cases)('%s', async (_name, use) => {
    const expected = await capture(core as unknown as Api, use);
    const actual = await capture(lite, use);
    expect(actual).toEqual(expected);
  });

  it.each([
    ['getInput required', (api: Api) => api.getInput('absent', { required: true })],
    [
      'setOutput to a missing file',
      (api: Api) => {
        process.env.GITHUB_OUTPUT = join(dir, 'nope');
        api.setOutput('a', 'b');
      },
    ],
  ])('%s: the same error', (_name, use) => {
    const fail = (api: Api) => {
      try {
        use(api);
        return 'no error';
      } catch (e) {
        return (e as Error).message.replace(dir, '<dir>');
      }
    };
    const expected = fail(core as unknown as Api);
    expect(expected).not.toBe('no error');
    expect(fail(lite)).toBe(expected);
  });
});
