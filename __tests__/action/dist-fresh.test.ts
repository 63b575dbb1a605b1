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

  // The start-up budget (npm run bench) depends on this: see docs/development.md.
  it('loads undici only to publish a pull-request check: one copy, not its index; our own requests use node:http', () => {
    const files = ['dist/action', 'dist/cli'].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(dir, f)),
    );
    // Text unique to undici's dispatcher-base.js; its index.js would bring MockAgent and WebSocket.
    const marker = /Symbol\(["']onDestroyed["']\)/;
    const withUndici = files.filter((f) => marker.test(readFileSync(f, 'utf8')));
    expect(withUndici.length).toBeGreaterThan(0);
    for (const file of withUndici) {
      const text = readFileSync(file, 'utf8');
      expect(text.match(new RegExp(marker.source, 'g'))).toHaveLength(1);
      expect(text).not.toContain('class MockAgent');
      expect(text).not.toContain('class WebSocket');
    }
    for (const entry of ['dist/index.js', 'dist/action/index.js', 'dist/cli/index.js'])
      expect(withUndici).not.toContain(entry);
  });

  it('does not load @actions/core on start (its OIDC client pulls in all of undici)', () => {
    // Use src/action/workflow-commands.ts instead; `npm run bench` shows what it costs.
    // (Federation reads ACTIONS_ID_TOKEN_REQUEST_URL itself: look for the toolkit's client class.)
    expect(readFileSync('dist/action/index.js', 'utf8')).not.toContain('class OidcClient');
  });
});
