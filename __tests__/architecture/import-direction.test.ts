// The one-way rule of docs/architecture.md, checked on the source: every import of src/ goes to
// its own folder or to a lower layer, and no folder (nor file) is part of an import cycle.
// Type-only imports count too: a type from a higher layer is a dependency on it all the same.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** Highest first. A folder may import from its own layer's folder and from any later layer. */
const LAYERS: readonly (readonly string[])[] = [
  ['(root)', 'action', 'cli'], // entry points, front ends and the composition root
  ['github', 'report'], // publishing the report
  ['checks', 'assistant'], // the registry of checks and each check; the setup assistant
  ['permissions', 'credentials'], // what the checks decide, as pure rules
  ['mailbox'], // the mail client (probes) and its diagnosis
  ['graph', 'identity'], // the Microsoft Graph client, the token provider
  ['engine'], // runs the checks it is given; the report's vocabulary; the redactor
  ['http'], // HTTP, deadline, retries
  ['settings'], // the input table, parsing, typed settings
];
const rank = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const folderOf = (file: string): string => {
  const parts = relative('src', file).split('/');
  return parts.length > 1 ? parts[0]! : '(root)';
};

/** Relative imports of a file (static, dynamic and re-exports), as paths of .ts files in src. */
function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => normalize(join(dirname(file), s)).replace(/\.js$/, '.ts'));
}

const files = sourceFiles('src');
const edges = files.flatMap((from) => importsOf(from).map((to) => ({ from, to })));

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('the one-way rule', () => {
  it('knows every folder of src/', () => {
    expect(files.map(folderOf).filter((f) => !rank.has(f))).toEqual([]);
  });

  it('finds the imports it judges (a rule that sees nothing cannot fail)', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(importsOf('src/x/a.ts', "import type { A } from '../y/b.js';\n")).toEqual([
      'src/y/b.ts',
    ]);
    expect(importsOf('src/x/a.ts', "const m = await import('./c.js');")).toEqual(['src/x/c.ts']);
  });

  it('has no import from a lower layer to a higher one', () => {
    const upward = edges
      .filter(({ from, to }) => rank.get(folderOf(to))! < rank.get(folderOf(from))!)
      .map(({ from, to }) => `${from} imports ${to}`);
    expect(upward).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const { from, to } of edges) {
      const [a, b] = [folderOf(from), folderOf(to)];
      if (a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between files', () => {
    const graph = new Map<string, Set<string>>();
    for (const { from, to } of edges) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    expect(cycles(graph)).toEqual([]);
  });

  it('catches a cycle and an upward import when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'a']]);
    expect(rank.get('engine')! > rank.get('checks')!).toBe(true);
  });
});
