// Sizes of the committed dist/: what a token-only run loads at start (the loader and the action
// bundle), the chunks loaded on demand, and the CLI; beside the same files of another commit
// (BENCH_BASE, default `main`) for a before/after. Budget: the action's start under 1 MB.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSection, Figure } from './lib/section.js';

const kB = (bytes: number | undefined) =>
  bytes === undefined ? '-' : `${(bytes / 1000).toFixed(0)} kB`;

function sizesHere(): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.js')) sizes.set(path, statSync(path).size);
    }
  };
  walk('dist');
  return sizes;
}

/** `git ls-tree -l` of dist/ at `ref`; empty when the ref is unknown. */
function sizesAt(ref: string): Map<string, number> {
  const sizes = new Map<string, number>();
  try {
    const listing = execFileSync('git', ['ls-tree', '-r', '-l', ref, 'dist'], { encoding: 'utf8' });
    for (const line of listing.split('\n')) {
      const m = /^\S+ blob \S+\s+(\d+)\t(.+\.js)$/.exec(line);
      if (m) sizes.set(m[2]!, Number(m[1]));
    }
  } catch {
    // Not a git checkout, or no such ref: only this tree's sizes are printed.
  }
  return sizes;
}

const sum = (sizes: Map<string, number>, files: (f: string) => boolean) =>
  [...sizes].filter(([f]) => files(f)).reduce((total, [, n]) => total + n, 0);

const section: BenchSection = {
  name: 'bundle size (dist/)',
  run() {
    const base = process.env.BENCH_BASE ?? 'main';
    const now = sizesHere();
    const before = sizesAt(base);
    console.log(`| file | ${base} | this tree |`);
    console.log('|---|---|---|');
    for (const file of [...new Set([...before.keys(), ...now.keys()])].sort())
      console.log(`| ${file} | ${kB(before.get(file))} | ${kB(now.get(file))} |`);
    const atStart = (f: string) => f === 'dist/index.js' || f === 'dist/action/index.js';
    const start = sum(now, atStart);
    const figures: Figure[] = [
      {
        label: `action, loaded at start (dist/index.js + dist/action/index.js); ${base}: ${kB(sum(before, atStart))}`,
        value: kB(start),
        budget: '< 1000 kB',
        ok: start < 1_000_000,
      },
      {
        label: `all of dist/ (every chunk, action and CLI); ${base}: ${kB(sum(before, () => true))}`,
        value: kB(sum(now, () => true)),
      },
    ];
    return Promise.resolve(figures);
  },
};
export default section;
