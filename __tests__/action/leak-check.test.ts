// The leak check itself must be able to fail: each encoding, each place, and the mask order.
import { describe, expect, it } from '@jest/globals';
import { findLeaks, leakProblems, secretsOf } from '../helpers/leak-check.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../helpers/run-action.js';
import { makeCertificate } from '../../sandbox/x509.js';

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

describe('secretless secrets (issue 9)', () => {
  const key = makeCertificate();
  const keyLines = key.keyPem.split('\n').filter((l) => l && !l.startsWith('-----'));

  it('collects the PEM whole and every key line, and the runner’s OIDC request token', () => {
    const secrets = secretsOf(clean, { 'client-certificate': key.pem }, [], {
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-1234',
      M365_CLIENT_ASSERTION: 'eyJh.assertion.sig',
    });
    expect(secrets).toEqual(
      expect.arrayContaining([key.pem, ...keyLines, 'request-token-1234', 'eyJh.assertion.sig']),
    );
  });

  it.each([
    ['one line of the private key', () => keyLines[7]!],
    ['one key line, base64', () => Buffer.from(keyLines[3]!).toString('base64')],
    ['the whole PEM, JSON-encoded', () => JSON.stringify(key.pem).slice(1, -1)],
  ])('finds %s in a summary', (_name, form) => {
    const run = { ...clean, summary: `x ${form()} y` };
    expect(findLeaks(run, secretsOf(run, { 'client-certificate': key.pem }))).not.toEqual([]);
  });

  it('finds the request token in a report, URL-encoded', () => {
    const token = 'req/token+value=1';
    const run = { ...clean, reportText: encodeURIComponent(token) };
    expect(leakProblems(run, {}, [], { ACTIONS_ID_TOKEN_REQUEST_TOKEN: token })).not.toEqual([]);
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
