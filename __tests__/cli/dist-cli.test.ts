// The bundled CLI (dist/cli/index.js, the package's bin) run as a user runs it: a separate
// process, secrets in the environment, the JSON report on stdout, the contract's exit codes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportSchema } from '../../src/report/report-schema.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { nodeBinaries } from '../helpers/node-binaries.js';

const CLI = resolve('dist/cli/index.js');
const KEEP = /^(PATH|HOME|TMPDIR|LANG|SYSTEMROOT)$/;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

function runBin(node: string, argv: string[], env: Record<string, string>, cli = CLI) {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && KEEP.test(k)) clean[k] = v;
  const child = spawn(node, [cli, ...argv], {
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code) => done({ code, stdout, stderr })),
  );
}

const argv = () => [
  '--tenant-id',
  SANDBOX_TENANT_ID,
  '--client-id',
  SANDBOX_CLIENT_ID,
  '--username',
  SANDBOX_USER,
  '--checks',
  'token',
  '--endpoints',
  `authority=${sandbox.url}\ngraph=${sandbox.url}`,
];

describe('dist/cli/index.js', () => {
  it('is an executable node script (the shebang survives the bundler)', () => {
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['m365-mail-preflight']).toBe('dist/cli/index.js');
  });

  describe.each(nodeBinaries().available)('on $name', ({ path: node }) => {
    it('prints a schema-valid JSON report and exits 0 on a pass', async () => {
      const run = await runBin(node, [...argv(), '--json'], {
        M365_CLIENT_SECRET: SANDBOX_SECRET,
        M365_PASSWORD: SANDBOX_PASSWORD,
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = reportSchema.parse(JSON.parse(run.stdout));
      expect(report.result).toBe('pass');
      expect(run.stdout).not.toContain(SANDBOX_PASSWORD);
      expect(run.stdout).not.toContain(SANDBOX_SECRET);
    });

    it('exits 1 on a failed check or a refused input value, and 64 on a secret flag', async () => {
      const failed = await runBin(node, argv(), {
        M365_CLIENT_SECRET: SANDBOX_SECRET,
        M365_PASSWORD: 'wrong password',
      });
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain('AADSTS50126');
      const badCloud = await runBin(node, [...argv(), '--json', '--cloud', 'mars'], {
        M365_CLIENT_SECRET: SANDBOX_SECRET,
        M365_PASSWORD: SANDBOX_PASSWORD,
      });
      expect(badCloud.code).toBe(1);
      const report = reportSchema.parse(JSON.parse(badCloud.stdout));
      expect(report.checks[0]!.summary).toBe(
        "input 'cloud' 'mars' is not one of: public, usgov, usgov-dod, china",
      );
      const refused = await runBin(node, [...argv(), '--password', 'visible-to-ps'], {});
      expect(refused.code).toBe(64);
      expect(refused.stderr).toContain('--password is refused');
      expect(refused.stderr + refused.stdout).not.toContain('visible-to-ps');
    });

    it('answers --help and --version without loading the engine', async () => {
      // A copy of dist/cli/ without the chunks that hold the engine's front ends (main.ts).
      const dir = join(mkdtempSync(join(tmpdir(), 'm365-cli-')), 'cli');
      cpSync('dist/cli', dir, { recursive: true });
      const engine = readdirSync(dir).filter((f) =>
        readFileSync(join(dir, f), 'utf8').includes('Run with --help for the options.'),
      );
      // The preflight's front end (main.ts) and the assistant's subcommands both say it.
      expect(engine.length).toBeGreaterThan(0);
      expect(engine).not.toContain('index.js');
      for (const chunk of engine) rmSync(join(dir, chunk));
      const cli = join(dir, 'index.js');
      const { helpText } = await import('../../src/cli/help.js');
      const help = await runBin(node, ['--help'], {}, cli);
      expect(help).toEqual({ code: 0, stdout: helpText(), stderr: '' });
      const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
      const version = await runBin(node, ['--version'], {}, cli);
      expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
      // The copy does need the removed chunk for anything else.
      const run = await runBin(node, argv(), { M365_CLIENT_SECRET: SANDBOX_SECRET }, cli);
      expect(run.code).not.toBe(0);
    });
  });
});
