// What a user downloads and waits for: the README's size, the packed CLI (`npm pack`), what
// installing it from the tarball puts on disk, and how long the CLI lingers after printing its
// verdict on Node 20 (undici's WebAssembly parser once kept the process alive 0.2–0.6 s; the CLI
// no longer loads undici: src/http/transport.ts).

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import type { BenchSection, Figure } from './lib/section.js';
import { median, ms } from './lib/timing.js';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const README_BUDGET = 25_000;
const LINGER_BUDGET_MS = 100;
const RUNS = 5;

function diskBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

/** From the "Result:" line on stdout to the process's exit, in ms. */
function lingerAfterVerdict(node: string, argv: string[], env: NodeJS.ProcessEnv) {
  return new Promise<number>((resolve, reject) => {
    const child = spawn(node, argv, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    let verdictAt = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      text += d;
      if (!verdictAt && text.includes('Result: ')) verdictAt = performance.now();
    });
    child.on('error', reject);
    child.on('exit', () =>
      verdictAt ? resolve(performance.now() - verdictAt) : reject(new Error(text)),
    );
  });
}

const section: BenchSection = {
  name: 'package: README, packed CLI, install footprint, exit after the verdict',
  async run() {
    const figures: Figure[] = [];
    const readme = statSync('README.md').size;
    figures.push({
      label: 'README.md',
      value: kB(readme),
      budget: `< ${kB(README_BUDGET)}`,
      ok: readme < README_BUDGET,
    });

    const work = mkdtempSync(join(tmpdir(), 'mmp-bench-pack-'));
    const npmEnv = { ...process.env, npm_config_cache: join(work, 'cache'), NO_COLOR: '1' };
    try {
      const [packed] = JSON.parse(
        execFileSync('npm', ['pack', '--pack-destination', work, '--json'], {
          env: npmEnv,
          encoding: 'utf8',
        }),
      ) as [{ filename: string; size: number; unpackedSize: number; entryCount: number }];
      figures.push(
        { label: `packed CLI (npm pack, ${packed.entryCount} files)`, value: kB(packed.size) },
        { label: 'unpacked', value: kB(packed.unpackedSize) },
      );
      const project = join(work, 'empty');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), '{"name":"empty","private":true}\n');
      execFileSync(
        'npm',
        ['install', '--offline', '--no-audit', '--no-fund', join(work, packed.filename)],
        { cwd: project, env: npmEnv, stdio: 'ignore' },
      );
      const modules = join(project, 'node_modules');
      const packages = readdirSync(modules).filter((n) => !n.startsWith('.')).length;
      figures.push({
        label: 'install footprint (node_modules after npm install of the tarball)',
        value: `${packages} pkg, ${kB(diskBytes(modules))}`,
        budget: '1 pkg',
        ok: packages === 1,
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }

    const sandbox = await startSandbox();
    try {
      const argv = [
        'dist/cli/index.js',
        ...['--tenant-id', SANDBOX_TENANT_ID, '--client-id', SANDBOX_CLIENT_ID],
        ...['--username', SANDBOX_USER, '--checks', 'token, permissions, secret-expiry'],
        ...['--endpoints', `authority=${sandbox.url}\ngraph=${sandbox.url}`],
      ];
      const env = {
        ...process.env,
        M365_CLIENT_SECRET: SANDBOX_SECRET,
        M365_PASSWORD: SANDBOX_PASSWORD,
        NO_COLOR: '1',
      };
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await lingerAfterVerdict('node', argv, env));
      figures.push({
        label: `CLI on Node ${process.versions.node}: verdict printed to exit, median of ${RUNS}`,
        value: ms(median(times)),
        budget: `≤ ${LINGER_BUDGET_MS} ms`,
        ok: median(times) <= LINGER_BUDGET_MS,
      });
    } finally {
      await sandbox.close();
    }
    return figures;
  },
};
export default section;
