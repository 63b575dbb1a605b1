// Size of the committed action bundle: dist/index.js plus the chunks it loads on demand.
// Budget (issue 2): dist/index.js under 1 MB (minified, one copy of undici).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSection, Figure } from './lib/section.js';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

const section: BenchSection = {
  name: 'bundle size',
  run() {
    const main = statSync('dist/index.js').size;
    const chunks = readdirSync('dist').filter((f) => /^\d+\.index\.js$/.test(f));
    const chunkBytes = chunks.reduce((sum, f) => sum + statSync(join('dist', f)).size, 0);
    const undiciCopies = [...readFileSync('dist/index.js', 'utf8').matchAll(/UNDICI_IS_NODE/g)];
    const figures: Figure[] = [
      { label: 'dist/index.js', value: kB(main), budget: '< 1000 kB', ok: main < 1_000_000 },
      { label: `on-demand chunks (${chunks.length})`, value: kB(chunkBytes) },
      {
        label: 'copies of undici in dist/index.js',
        value: String(Math.max(1, undiciCopies.length)),
      },
    ];
    return Promise.resolve(figures);
  },
};
export default section;
