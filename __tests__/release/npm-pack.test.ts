// The CLI as npm users get it: `npm pack`, installed from the tarball alone into an empty folder
// (offline: nothing else may be needed), then run through npx: --version, and a preflight
// against the sandbox tenant. The install pulls no other package and warns about no engine.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';

const run = promisify(execFile);
const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as {
  version: string;
  engines: { node: string };
};

let work: string;
let project: string;
let sandbox: Sandbox;
let install: { stdout: string; stderr: string };
/** npm with a private cache and no registry: what is installed comes from the tarball. */
const npmEnv = () => ({
  ...process.env,
  npm_config_cache: join(work, 'cache'),
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
});

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mmp-pack-'));
  project = join(work, 'empty');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{"name":"empty","private":true}\n');
  const packed = await run('npm', ['pack', '--pack-destination', work, '--json'], {
    env: npmEnv(),
  });
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  install = await run('npm', ['install', resolve(work, filename)], {
    cwd: project,
    env: npmEnv(),
  });
  sandbox = await startSandbox();
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the packed CLI', () => {
  it('installs from the tarball alone: one package, no engine warning on this Node', () => {
    expect(install.stderr).not.toMatch(/EBADENGINE|Unsupported engine/);
    expect(install.stdout).toMatch(/added 1 package/);
    const installed = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installed).toEqual(['m365-mail-preflight']);
    // Only what runs: the CLI bundle, package.json, README and LICENSE.
    const files = readdirSync(join(project, 'node_modules', 'm365-mail-preflight'), {
      recursive: true,
    }) as string[];
    expect(files.filter((f) => !['dist', join('dist', 'cli')].includes(f)).sort()).toEqual(
      [
        'LICENSE',
        'README.md',
        'package.json',
        ...readdirSync('dist/cli').map((f) => join('dist', 'cli', f)),
      ].sort(),
    );
  });

  it('npx m365-mail-preflight --version prints the package version', async () => {
    const { stdout } = await run('npx', ['--offline', 'm365-mail-preflight', '--version'], {
      cwd: project,
      env: npmEnv(),
    });
    expect(stdout).toBe(`${pkg.version}\n`);
  });

  it('npx m365-mail-preflight runs a preflight against the sandbox', async () => {
    const { stdout } = await run(
      'npx',
      [
        '--offline',
        'm365-mail-preflight',
        '--tenant-id',
        SANDBOX_TENANT_ID,
        '--client-id',
        SANDBOX_CLIENT_ID,
        '--username',
        SANDBOX_USER,
        '--checks',
        'token, permissions, secret-expiry',
        '--endpoints',
        `authority=${sandbox.url}\ngraph=${sandbox.url}`,
      ],
      {
        cwd: project,
        env: { ...npmEnv(), M365_CLIENT_SECRET: SANDBOX_SECRET, M365_PASSWORD: SANDBOX_PASSWORD },
      },
    );
    expect(stdout).toMatch(/^Microsoft 365 mail preflight: PASS/);
    expect(stdout).toMatch(/Result: PASS \(4 passed\)/);
  });
});
