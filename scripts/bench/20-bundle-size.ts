// Size of the committed action bundle: dist/index.js plus the chunks it loads on demand.
// Budget (issue 2): dist/index.js under 1 MB (minified, one copy of undici).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSection, Figure } from './lib/section.js';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

const section: BenchSection = {
  name: 'bundle size',
  run() {
    const loader = statSync('dist/index.js').size;
    const main = statSync('dist/action/index.js').size;
    const chunks = readdirSync('dist/action').filter((f) => /^\d+\.index\.js$/.test(f));
    const chunkBytes = chunks.reduce((sum, f) => sum + statSync(join('dist/action', f)).size, 0);
    const bundle = readFileSync('dist/action/index.js', 'utf8');
    const total = loader + main;
    const figures: Figure[] = [
      { label: 'dist/index.js (loader)', value: kB(loader) },
      { label: 'dist/action/index.js (the action)', value: kB(main) },
      {
        label: 'loaded at start, together',
        value: kB(total),
        budget: '< 1000 kB',
        ok: total < 1_000_000,
      },
      { label: `on-demand chunks (${chunks.length})`, value: kB(chunkBytes) },
      {
        label: 'copies of undici (dispatcher-base.js)',
        value: String(bundle.match(/Symbol\(["']onDestroyed["']\)/g)?.length ?? 0),
        budget: '1',
        ok: bundle.match(/Symbol\(["']onDestroyed["']\)/g)?.length === 1,
      },
    ];
    return Promise.resolve(figures);
  },
};
export default section;
