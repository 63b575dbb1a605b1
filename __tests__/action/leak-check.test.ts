// The leak check itself must be able to fail: each encoding, each place, and the mask order.
import { describe, expect, it } from '@jest/globals';
import { secretsOf } from '../helpers/checked-run.js';
import { findLeaks } from '../helpers/leak-check.js';
import type { ActionRun } from '../helpers/run-action.js';

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
    expect(
      secretsOf(run, { password: ' pw12 ', 'client-secret': 'sec1' }, { issued: ['rt-1234'] }),
    ).toEqual(expect.arrayContaining([' pw12 ', 'pw12', 'sec1', 'aaaa.bbbb.cccc', 'rt-1234']));
  });
});
