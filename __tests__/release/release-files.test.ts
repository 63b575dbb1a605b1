// What a user copies or a registry shows: the examples name one clearly marked placeholder owner
// and say to pin a SHA; the actions they use are current majors; action.yml fits the
// Marketplace; the release workflow moves the major tag only after the dist and test gates.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  jobs: Record<string, { needs?: string | string[]; steps: Step[] }>;
}

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.yml'))
  .map((f) => ({ file: `examples/${f}`, text: readFileSync(`examples/${f}`, 'utf8') }));
const workflows = readdirSync('.github/workflows').map((f) => ({
  file: `.github/workflows/${f}`,
  text: readFileSync(`.github/workflows/${f}`, 'utf8'),
}));
const usesOf = (text: string) =>
  Object.values((parse(text) as Workflow).jobs)
    .flatMap((job) => job.steps)
    .flatMap((step) => (step.uses ? [step.uses] : []));

/** The newest major of each action the examples and workflows use (checked 2026-11-30). */
const CURRENT_MAJOR: Record<string, number> = {
  'actions/checkout': 7,
  'actions/setup-node': 7,
  'actions/upload-artifact': 7,
  'github/codeql-action/init': 4,
  'github/codeql-action/analyze': 4,
};

describe('examples', () => {
  it.each(examples)('$file uses the placeholder owner and says to pin a full SHA', ({ text }) => {
    expect(text).not.toMatch(/contoso\/m365-mail-preflight/);
    expect(usesOf(text)).toContain('OWNER/m365-mail-preflight@v1');
    expect(text).toMatch(/pin\s+#?\s*a full commit SHA/);
  });

  it.each([...examples, ...workflows])('$file uses current majors of other actions', ({ text }) => {
    for (const uses of usesOf(text).filter((u) => !u.startsWith('./') && !u.startsWith('OWNER/'))) {
      const [name, ref] = uses.split('@') as [string, string];
      expect(`${name}@${ref}`).toBe(`${name}@v${CURRENT_MAJOR[name]}`);
    }
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as Record<string, unknown>;
  it('has a Marketplace description under 125 characters and no placeholder author', () => {
    expect((action.description as string).length).toBeLessThan(125);
    expect(action).not.toHaveProperty('author');
  });
});

describe('release workflow', () => {
  const release = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as Workflow;
  it('runs on published releases and moves the major tag only after dist and tests pass', () => {
    expect(release.on).toEqual({ release: { types: ['published'] } });
    const verify = release.jobs.verify!.steps.map((s) => s.run ?? '').join('\n');
    expect(verify).toContain('npm run bundle');
    expect(verify).toMatch(/git status --porcelain -- dist/);
    expect(verify).toMatch(/npm test/);
    const move = release.jobs['move-major-tag']!;
    expect(move.needs).toBe('verify');
    expect(move.steps.map((s) => s.run ?? '').join('\n')).toMatch(/git tag -f "\$major"/);
  });

  it('the self-test runs the action from this checkout against the sandbox', () => {
    const uses = usesOf(readFileSync('.github/workflows/self-test.yml', 'utf8'));
    expect(uses).toContain('./');
    const serve = readFileSync('.github/workflows/self-test.yml', 'utf8');
    expect(serve).toContain('sandbox/serve.ts');
  });
});

describe('repository files', () => {
  it('LICENSE is the MIT licence package.json declares', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n/);
  });

  it('dependabot watches npm and github-actions', () => {
    const config = parse(readFileSync('.github/dependabot.yml', 'utf8')) as {
      updates: { 'package-ecosystem': string }[];
    };
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm',
    ]);
  });
});
