// The input table (src/settings/inputs.ts) is the one declaration of the inputs: action.yml, the
// README's inputs table, the CLI's flags and --help, and the parser's defaults must say what it
// says. Adding an input to the table without the rest (or the rest without the table) fails here.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { helpText } from '../../src/cli/help.js';
import { parseCliArgs } from '../../src/cli/args.js';
import {
  DEFAULTS,
  FLAG_INPUTS,
  INPUTS,
  INPUT_NAMES,
  SECRET_ENV,
  SECRET_INPUTS,
} from '../../src/settings/inputs.js';

interface ActionYaml {
  inputs: Record<string, { required?: boolean; default?: string; description: string }>;
}
const action = parse(readFileSync('action.yml', 'utf8')) as ActionYaml;
const readme = readFileSync('README.md', 'utf8');

/** The README's inputs table as rows of trimmed cells: name, default, meaning. */
function readmeInputRows(): string[][] {
  const section = /<!-- section:inputs \(\w+\) -->([\s\S]*?)<!-- \/section:inputs -->/.exec(
    readme,
  )![1]!;
  return section
    .split('\n')
    .filter((line) => /^\| `[a-z-]+`/.test(line))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

describe('the input table', () => {
  it('is action.yml: the same inputs in the same order, required or with the same default', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUT_NAMES);
    for (const input of INPUTS) {
      const spec = action.inputs[input.name]!;
      expect(`${input.name}: ${spec.required ?? false}`).toBe(
        `${input.name}: ${'required' in input}`,
      );
      if (!('required' in input))
        expect(`${input.name}: ${spec.default}`).toBe(`${input.name}: ${input.default}`);
    }
  });

  it("is the README's inputs table: name, default and meaning, in order", () => {
    const expected = INPUTS.map((i) => [
      `\`${i.name}\``,
      'required' in i ? '(required)' : `\`${i.default === '' ? "''" : i.default}\``,
      i.meaning,
    ]);
    expect(readmeInputRows()).toEqual(expected);
  });

  it('gives the parser its defaults and the CLI its flags, secrets never among them', () => {
    expect(DEFAULTS).toMatchObject({ grant: 'auto', 'timeout-seconds': '60', 'check-run': 'auto' });
    expect(Object.keys(DEFAULTS)).not.toContain('github-token');
    expect(SECRET_INPUTS).toEqual(['client-secret', 'password', 'github-token']);
    for (const name of SECRET_INPUTS) expect(FLAG_INPUTS).not.toContain(name);
    expect(SECRET_ENV).toEqual({
      'client-secret': 'M365_CLIENT_SECRET',
      password: 'M365_PASSWORD',
    });
    const help = helpText();
    for (const name of FLAG_INPUTS) {
      expect(help).toContain(`--${name} `);
      expect(parseCliArgs([`--${name}`, 'x'])).toMatchObject({ ok: true });
    }
    expect(parseCliArgs(['--check-run', 'always'])).toMatchObject({ ok: false });
  });
});
