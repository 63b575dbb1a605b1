// `npm run bench`: speed and size figures, printed. Each section is a file scripts/bench/NN-name.ts
// (run in name order): either its default export is a BenchSection, whose figures are printed
// here against their budgets, or it exports `run()`, which prints its own table (and sets
// process.exitCode when over its goal). Add a section by adding a file.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSection } from './bench/lib/section.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => /^\d\d-[\w-]+\.ts$/.test(f))
  .sort();

let failed = 0;
for (const file of files) {
  const module = (await import(pathToFileURL(join(dir, file)).href)) as {
    default?: BenchSection;
    run?: () => Promise<void>;
  };
  const section = module.default;
  if (!section) {
    if (!only.length || only.some((name) => file.includes(name))) await module.run?.();
    continue;
  }
  if (only.length && !only.some((name) => section.name.includes(name))) continue;
  console.log(`\n## ${section.name}`);
  const figures = await section.run();
  for (const f of figures) {
    const verdict = f.budget === undefined ? '' : f.ok ? '  ok' : '  OVER BUDGET';
    if (f.budget !== undefined && !f.ok) failed++;
    console.log(
      `${f.label.padEnd(58)} ${f.value.padStart(12)}${f.budget ? `  (budget ${f.budget})` : ''}${verdict}`,
    );
  }
}
if (failed) {
  console.log(`\n${failed} figure(s) over budget`);
  process.exitCode = 1;
}
