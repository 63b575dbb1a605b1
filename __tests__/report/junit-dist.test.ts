// The JUnit file as users get it: the built action with `junit-path`, and the built CLI with
// `--junit FILE`, each writing one test case per check of its run, valid against the schema.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { runAction } from '../helpers/run-action.js';

const XSD = resolve('__tests__/fixtures/junit/JUnit.xsd');
const xmllint = spawnSync('xmllint', ['--version']).status === 0;

let dir: string;
let sandbox: Sandbox;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mmp-junit-dist-'));
  sandbox = await startSandbox();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await sandbox.close();
});

const classnames = (xml: string) =>
  [...xml.matchAll(/<testcase [^>]*classname="m365-mail-preflight\.([a-z-]+)"/g)].map((m) => m[1]);
const valid = (file: string) =>
  !xmllint || spawnSync('xmllint', ['--noout', '--schema', XSD, file]).status === 0;

describe('JUnit file from the built action and CLI', () => {
  it('the action writes junit-path: one test case per check of the report', async () => {
    const file = join(dir, 'action', 'preflight.xml');
    const run = await runAction(
      sandboxInputs(sandbox, { checks: 'token, permissions', 'junit-path': file }),
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8')) as {
      checks: { id: string }[];
    };
    const xml = readFileSync(file, 'utf8');
    expect(classnames(xml)).toEqual(report.checks.map((c) => c.id));
    expect(xml).not.toContain('<failure');
    expect(valid(file)).toBe(true);
  });

  it('the CLI writes --junit FILE, with the failure and its fix', async () => {
    const file = join(dir, 'cli.xml');
    const code = await new Promise<number | null>((done) =>
      spawn(
        process.execPath,
        [
          resolve('dist/cli/index.js'),
          ...['--tenant-id', SANDBOX_TENANT_ID, '--client-id', SANDBOX_CLIENT_ID],
          ...['--username', SANDBOX_USER, '--checks', 'token', '--junit', file],
          ...['--endpoints', `authority=${sandbox.url}\ngraph=${sandbox.url}`],
        ],
        {
          env: {
            PATH: process.env.PATH,
            M365_CLIENT_SECRET: SANDBOX_SECRET,
            M365_PASSWORD: `${SANDBOX_PASSWORD}-wrong`,
          },
          stdio: 'ignore',
        },
      ).on('close', done),
    );
    expect(code).toBe(1);
    const xml = readFileSync(file, 'utf8');
    expect(classnames(xml)).toEqual(['inputs', 'token']);
    expect(xml).toMatch(/<failure message="[^"]+" type="AADSTS50126">[^<]+\n\nFix: /);
    expect(xml).not.toContain(SANDBOX_PASSWORD);
    expect(valid(file)).toBe(true);
  });
});
