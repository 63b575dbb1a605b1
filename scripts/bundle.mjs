// Builds the committed bundles: dist/index.js + dist/action/ (the action) and dist/cli/ (the CLI).
// Minified, one copy of undici (package.json overrides), licenses collected.
// `node scripts/bundle.mjs --out DIR` builds elsewhere (the dist freshness test compares).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const outIndex = process.argv.indexOf('--out');
const root = outIndex > 0 ? process.argv[outIndex + 1] : 'dist';
const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
// dist/index.js is a tiny loader (src/index.ts) that enables Node's compile cache and then imports
// the action bundle, dist/action/index.js.
const builds = [
  { entry: 'src/index.ts', out: root },
  { entry: 'src/action/main.ts', out: join(root, 'action') },
  { entry: 'src/cli/index.ts', out: join(root, 'cli') },
];
rmSync(root, { recursive: true, force: true });
for (const { entry, out } of builds) {
  if (!existsSync(entry)) continue;
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      entry,
      '-o',
      out,
      '--minify',
      '--no-source-map-register',
      // One licence file per emitted chunk (a single name would be overwritten by each chunk,
      // keeping only the last chunk's licences); merged into licenses.txt below.
      '--license',
      '[name].licenses.txt',
      '-q',
    ],
    { stdio: 'inherit' },
  );
  mergeLicenses(out);
}

/** Joins the chunks' licence files of one output folder into its licenses.txt, in name order. */
function mergeLicenses(dir) {
  const parts = readdirSync(dir)
    .filter((name) => name.endsWith('.licenses.txt'))
    .sort();
  const text = parts.map((name) => readFileSync(join(dir, name), 'utf8').trimEnd()).join('\n\n');
  for (const name of parts) rmSync(join(dir, name));
  if (text) writeFileSync(join(dir, 'licenses.txt'), `${text}\n`);
}
