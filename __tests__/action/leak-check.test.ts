// The leak check itself must be able to fail: each encoding, each place, and the mask order.
import { describe, expect, it } from '@jest/globals';
import { findLeaks, leakProblems, secretsOf } from '../helpers/leak-check.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../helpers/run-action.js';

const SECRET = 'p@ss word/+&"x';
const clean: ActionRun = {
  code: 0,
  stdout: `::add-mask::${SECRET}\nhello`,
  stderr: '',
  outputs: {},
  summary: '',
  githubEnv: '',
  githubState: '',
  reportText: '{}',
  dir: '/tmp',
};

describe('findLeaks', () => {
  it('allows only the ::add-mask:: line', () => {
    expect(findLeaks(clean, [SECRET])).toEqual([]);
  });
  it.each([
    ['raw', SECRET],
    ['base64', Buffer.from(SECRET).toString('base64')],
    ['base64url', Buffer.from(SECRET).toString('base64url')],
    ['URL-encoded', encodeURIComponent(SECRET)],
    ['form-encoded', new URLSearchParams({ v: SECRET }).toString().slice(2)],
    ['JSON-encoded', JSON.stringify(SECRET).slice(1, -1)],
  ])('finds the %s form in every place', (_name, form) => {
    for (const place of ['stdout', 'stderr', 'summary', 'reportText', 'githubEnv', 'githubState'])
      expect(findLeaks({ ...clean, [place]: `x ${form} y` }, [SECRET])).not.toEqual([]);
  });
});

describe('secretsOf', () => {
  it('collects secret inputs (trimmed too), token outputs and issued tokens', () => {
    const run = { ...clean, outputs: { 'access-token': 'aaaa.bbbb.cccc' } };
    expect(secretsOf(run, { password: ' pw12 ', 'client-secret': 'sec1' }, ['rt-1234'])).toEqual(
      expect.arrayContaining([' pw12 ', 'pw12', 'sec1', 'aaaa.bbbb.cccc', 'rt-1234']),
    );
  });
});

describe('leakProblems', () => {
  it('flags a secret printed before its ::add-mask:: line', () => {
    const run = { ...clean, stdout: `token is ${SECRET}\n::add-mask::${SECRET}` };
    expect(leakProblems(run, { password: SECRET })).toContain(
      `stdout shows ${SECRET.slice(0, 4)}… before masking it`,
    );
  });
  it('accepts a mask of a longer value around the secret', () => {
    const run = { ...clean, stdout: `::add-mask:: ${SECRET} \n::add-mask::${SECRET}` };
    expect(leakProblems(run, { password: ` ${SECRET} ` })).toEqual([]);
  });
});

describe('runAction', () => {
  it('rejects a run that prints a secret input, in any encoding', async () => {
    const entry = join(mkdtempSync(join(tmpdir(), 'leaky-')), 'leaky.mjs');
    writeFileSync(
      entry,
      "console.log(Buffer.from(process.env['INPUT_CLIENT-SECRET']).toString('base64'));\n",
    );
    await expect(runAction({ 'client-secret': SECRET }, { entry })).rejects.toThrow(
      /dist\/index.js leaked a secret:\nstdout contains a form of a secret/,
    );
  });
});
