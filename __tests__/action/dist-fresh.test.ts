// dist/ is committed: a stale bundle ships old behaviour to every user of the action.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe('dist/', () => {
  it('matches a fresh build byte for byte', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'm365-dist-')), 'dist');
    execFileSync(process.execPath, ['scripts/bundle.mjs', '--out', out], { stdio: 'pipe' });
    const fresh = listFiles(out)
      .map((f) => relative(out, f))
      .sort();
    const committed = listFiles('dist')
      .map((f) => relative('dist', f))
      .sort();
    expect(committed).toEqual(fresh);
    const stale = fresh.filter(
      (f) => !readFileSync(join(out, f)).equals(readFileSync(join('dist', f))),
    );
    expect(stale).toEqual([]);
  }, 120_000);

  it('keeps the action bundle under 1 MB: the loader and the bundle it imports', () => {
    expect(statSync('dist/index.js').size + statSync('dist/action/index.js').size).toBeLessThan(
      1_000_000,
    );
  });

  // The start-up budget (npm run bench) depends on these two: see docs/development.md.
  it('has one copy of undici, and not its index (which loads all of undici)', () => {
    const bundle = readFileSync('dist/action/index.js', 'utf8');
    // Text unique to undici's dispatcher-base.js and to its index.js (MockAgent, WebSocket).
    expect(bundle.match(/Symbol\(["']onDestroyed["']\)/g)).toHaveLength(1);
    expect(bundle).not.toContain('class MockAgent');
    expect(bundle).not.toContain('class WebSocket');
  });

  it('does not load @actions/core on start (its OIDC client pulls in all of undici)', () => {
    // Use src/action/workflow-commands.ts instead; `npm run bench` shows what it costs.
    expect(readFileSync('dist/action/index.js', 'utf8')).not.toContain(
      'ACTIONS_ID_TOKEN_REQUEST_URL',
    );
  });
});
