// The job-summary fixtures (__tests__/fixtures/summary): each rendering is checked in twice, as
// the Markdown the action writes (NAME.md) and as the HTML GitHub makes of it (NAME.html), so a
// reviewer can open it in a browser. GitHub renders job summaries with cmark-gfm, its fork of
// cmark, with the GFM extensions on and raw HTML passed on to its sanitiser
// (https://github.github.com/gfm/, https://github.com/github/cmark-gfm); Debian's `cmark-gfm`
// package is that program, and .ci/run installs it.
// UPDATE_FIXTURES=1 rewrites both; review the diff, and open the HTML, before committing.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from '@jest/globals';

export const SUMMARY_FIXTURES = resolve('__tests__/fixtures/summary');

/**
 * GitHub's extensions. `--unsafe` keeps our raw HTML (without it cmark-gfm drops every tag); the
 * `tagfilter` extension still disarms <script>, <iframe>, <style> and the like, as GitHub does
 * before its sanitiser.
 */
export const CMARK_GFM_ARGS = [
  '--unsafe',
  '--extension',
  'table',
  '--extension',
  'autolink',
  '--extension',
  'strikethrough',
  '--extension',
  'tagfilter',
];

/** Why the HTML cannot be made here, or undefined when cmark-gfm runs. */
export function cmarkGfmMissing(): string | undefined {
  const probe = spawnSync('cmark-gfm', ['--version'], { encoding: 'utf8' });
  return probe.status === 0
    ? undefined
    : 'needs cmark-gfm, GitHub’s Markdown renderer (apt-get install cmark-gfm, as .ci/run does)';
}

/** The HTML fragment GitHub's renderer makes of a summary. */
export function renderGfm(markdown: string): string {
  return execFileSync('cmark-gfm', CMARK_GFM_ARGS, { input: markdown, encoding: 'utf8' });
}

/**
 * The fragment as a page a browser opens: UTF-8 (the status icons) and github.css next to it (a
 * few rules of GitHub's Markdown style: table borders, code blocks); the body is cmark-gfm's.
 */
export function htmlPage(name: string, fragment: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Job summary fixture: ${name}</title>
<link rel="stylesheet" href="github.css">
</head>
<body>
<!-- cmark-gfm ${CMARK_GFM_ARGS.join(' ')} ${name}.md -->
${fragment}</body>
</html>
`;
}

/** The page's body: what cmark-gfm made, between the marker comment and </body>. */
export function fragmentOf(page: string): string {
  const start = page.indexOf('\n', page.indexOf('<!-- cmark-gfm ')) + 1;
  return page.slice(start, page.lastIndexOf('</body>'));
}

/** Compares a rendering with NAME.md; UPDATE_FIXTURES=1 writes NAME.md and NAME.html. */
export function matchesSummaryFixture(name: string, markdown: string): void {
  const path = resolve(SUMMARY_FIXTURES, `${name}.md`);
  if (process.env.UPDATE_FIXTURES === '1') {
    writeFileSync(path, markdown);
    if (!cmarkGfmMissing())
      writeFileSync(resolve(SUMMARY_FIXTURES, `${name}.html`), htmlPage(name, renderGfm(markdown)));
  }
  expect(markdown).toBe(readFileSync(path, 'utf8'));
}
