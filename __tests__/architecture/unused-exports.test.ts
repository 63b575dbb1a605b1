// Dead weight stays out: every value src/ exports (a function, constant or class) is named by
// some other file of the project (src, tests, scripts, sandbox). An export nobody uses is either
// dead code or something that should not be exported. Types are left alone: a type in the
// signature of an exported function is part of that function.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return /\.(ts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const EXPORTED_VALUE = /^export (?:async )?(?:const|let|function\*?|class) (\w+)/gm;

function unusedExports(sources: Map<string, string>, project: Map<string, string>): string[] {
  const unused: string[] = [];
  for (const [file, text] of sources)
    for (const [, name] of text.matchAll(EXPORTED_VALUE)) {
      const word = new RegExp(`\\b${name}\\b`);
      const used = [...project].some(([other, t]) => other !== file && word.test(t));
      if (!used) unused.push(`${file}: ${name}`);
    }
  return unused;
}

describe('exports', () => {
  const project = new Map(
    ['src', '__tests__', 'scripts', 'sandbox']
      .flatMap(files)
      .map((f) => [f, readFileSync(f, 'utf8')]),
  );
  const sources = new Map([...project].filter(([f]) => f.startsWith('src/')));

  it('every value src/ exports is used by another file', () => {
    expect(sources.size).toBeGreaterThan(50);
    expect(unusedExports(sources, project)).toEqual([]);
  });

  it('finds an export nobody uses', () => {
    const src = new Map([['src/a.ts', 'export const lonely = 1;\nexport function used() {}\n']]);
    const all = new Map([...src, ['src/b.ts', "import { used } from './a.js';"]]);
    expect(unusedExports(src, all)).toEqual(['src/a.ts: lonely']);
  });
});
