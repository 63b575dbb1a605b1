// Every relative link of the README and docs/ resolves: the file exists, and a #fragment names a
// heading of that file (as GitHub makes anchors from headings). Moving sections between pages
// (README -> docs/) must not leave a reader at a dead link.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const pages = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

describe.each(pages)('%s', (page) => {
  const text = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/g, '');
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/.test(href));

  it('links only to files and headings that exist', () => {
    const dead = links.filter((href) => {
      const [path, fragment] = href.split('#') as [string, string | undefined];
      const target = path ? normalize(join(dirname(page), path)) : page;
      if (!existsSync(target)) return true;
      return Boolean(fragment && target.endsWith('.md') && !anchors(target).has(fragment));
    });
    expect(dead).toEqual([]);
  });
});

describe('README', () => {
  it('stays under 25 kB: the user first, the depth in docs/', () => {
    expect(readFileSync('README.md').length).toBeLessThan(25_000);
  });
});
