// The workflows run here, for real, as far as a machine without GitHub can run them
// (helpers/workflow-runner.ts; what stays GitHub's alone is listed in docs/development.md):
// - self-test.yml: its job step by step: the sandbox started in the background, the committed
//   dist/ run through action.yml as `uses: ./`, the workflow's own `test` lines; and broken
//   variants that must fail (a wrong client secret; wrong outputs handed on). actions/checkout,
//   actions/setup-node and `npm ci` are skipped: this directory is already the checkout with
//   node_modules installed.
// - release.yml: the verify job's shell gates (semver tag, package.json version, dist/ freshness)
//   in a clone of this repository with good and bad tags, and check-dist.yml's comparison there;
//   move-major-tag against a local bare repository as origin.
// - every workflow's expressions and `with:` inputs name things that exist.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  actionProblems,
  referencesOf,
  workflowProblems,
  type ActionDefinition,
} from '../helpers/workflow-expressions.js';
import {
  ALREADY_THE_CHECKOUT,
  groupMembers,
  readWorkflow,
  runJob,
  substitute,
  type JobRun,
  type Workflow,
} from '../helpers/workflow-runner.js';

const statuses = (job: JobRun) => job.steps.map((s) => [s.label, s.status]);
const step = (job: JobRun, label: string) => job.steps.find((s) => s.label === label)!;
const scratch = mkdtempSync(join(tmpdir(), 'm365-workflows-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('self-test.yml run as a runner runs it', () => {
  const selfTest = (tamper?: Parameters<typeof runJob>[0]['tamper']) =>
    runJob({
      workflow: '.github/workflows/self-test.yml',
      job: 'sandbox',
      workspace: process.cwd(),
      skip: ALREADY_THE_CHECKOUT,
      tamper,
    });

  it('starts the sandbox, runs the committed dist/ as uses: ./, and its own test lines pass', async () => {
    const job = await selfTest();
    expect(statuses(job)).toEqual([
      ['uses: actions/checkout@v7', 'skipped'],
      ['uses: actions/setup-node@v7', 'skipped'],
      ['run: npm ci', 'skipped'],
      ['Start the sandbox tenant', 'success'],
      ['uses: ./', 'success'],
      ['The outputs a later step receives', 'success'],
    ]);
    expect(job.conclusion).toBe('success');
    const preflight = step(job, 'uses: ./');
    expect(preflight.outputs.result).toBe('pass');
    expect(preflight.outputs['access-token']!.split('.')).toHaveLength(3);
    expect(preflight.log).toMatch(/^PASS Access token:/m);
    expect(preflight.summary).toContain('<table>');
    expect(step(job, 'Start the sandbox tenant').outputs.url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+$/,
    );
    // The sandbox server was still running after the last step; the job's end stopped it, and
    // nothing of its process group is left.
    expect(job.stopped.map((s) => s.label)).toEqual(['Start the sandbox tenant']);
    expect(job.stopped[0]!.pids.length).toBeGreaterThan(0);
    for (const { pids } of job.stopped) expect(groupMembers(pids[0]!)).toEqual([]);
  }, 60_000);

  it('a wrong client secret: the uses: ./ step fails with result fail and the job fails', async () => {
    const job = await selfTest({
      sandbox: (o) => ({ ...o, clientSecret: 'not-the-sandbox-secret' }),
    });
    expect(statuses(job).slice(3)).toEqual([
      ['Start the sandbox tenant', 'success'],
      ['uses: ./', 'failure'],
      ['The outputs a later step receives', 'skipped'],
    ]);
    expect(job.conclusion).toBe('failure');
    expect(step(job, 'uses: ./').outputs.result).toBe('fail');
    expect(job.stopped.map((s) => s.label)).toEqual(['Start the sandbox tenant']);
  }, 60_000);

  it.each([
    ['result', 'warn'],
    ['access-token', ''],
    ['report-path', '/nonexistent/report.json'],
  ])(
    'its test lines fail when the preflight hands on %s %p',
    async (name, value) => {
      const job = await selfTest({ preflight: (o) => ({ ...o, [name]: value }) });
      const last = step(job, 'The outputs a later step receives');
      expect(last.status).toBe('failure');
      expect(last.exitCode).toBe(1);
      expect(job.conclusion).toBe('failure');
    },
    60_000,
  );
});

describe('the runner evaluates only what it knows', () => {
  const context = { steps: { a: { outputs: { x: '1' } } }, runner: { temp: '/t' } };
  it('substitutes existing plain paths', () => {
    expect(substitute('${{ steps.a.outputs.x }}-${{runner.temp}}', context, 'here')).toBe('1-/t');
  });
  it.each([
    ['${{ steps.a.outputs.y }}', /'y' does not exist/],
    ['${{ steps.b.outputs.x }}', /'b' does not exist/],
    ['${{ github.token }}', /'github' does not exist/],
    ["${{ steps.a.outputs.x || 'x' }}", /not a plain context path/],
    ['${{ format(steps.a.outputs.x) }}', /not a plain context path/],
  ])('throws on %s', (text, message) => {
    expect(() => substitute(text, context, 'here')).toThrow(message);
  });
});

// --- release.yml -----------------------------------------------------------------------------

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Release Test',
      GIT_AUTHOR_EMAIL: 'release@test.invalid',
      GIT_COMMITTER_NAME: 'Release Test',
      GIT_COMMITTER_EMAIL: 'release@test.invalid',
    },
  }).trim();
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const releaseEvent = (tag: string, prerelease = false) => ({
  name: 'release',
  payload: { release: { tag_name: tag, prerelease } },
});

describe('release.yml verify and check-dist.yml, in a clone of this repository', () => {
  let clone: string;
  let shim: string;
  // Not run here: the mail servers (sudo apt-get and the internet) and the full test suite (this
  // is part of it: `npm test` runs every test, this one included).
  const skip = [
    ...ALREADY_THE_CHECKOUT,
    { step: 'Mail servers for the probe tests', reason: 'needs sudo apt-get and the internet' },
    {
      step: 'run: sudo -E env "PATH=$PATH" npm test',
      reason: 'the full suite, which runs this test',
    },
  ];
  const verify = (tag: string) =>
    runJob({
      workflow: '.github/workflows/release.yml',
      job: 'verify',
      workspace: clone,
      skip,
      event: releaseEvent(tag),
      env: { PATH: `${shim}:${process.env.PATH}` },
    });

  const checkDist = () =>
    runJob({
      workflow: '.github/workflows/check-dist.yml',
      job: 'check-dist',
      workspace: clone,
      skip: [
        ...ALREADY_THE_CHECKOUT,
        { step: 'uses: actions/upload-artifact@v7', reason: "GitHub's artifact storage" },
      ],
      env: { PATH: `${shim}:${process.env.PATH}` },
    });

  beforeAll(() => {
    clone = join(scratch, 'verify');
    git(process.cwd(), 'clone', '--quiet', process.cwd(), clone);
    // `npm run bundle` takes 1 to 2.5 minutes on this machine, too slow to run here twice. Its
    // stand-in writes the fresh build, which is the committed dist/ of HEAD:
    // __tests__/action/dist-fresh.test.ts proves that equal to a real build byte for byte. Like
    // scripts/bundle.mjs it first removes dist/, so a file the build no longer makes shows too.
    const fresh = join(scratch, 'fresh-dist');
    cpSync(join(clone, 'dist'), fresh, { recursive: true });
    shim = join(scratch, 'shim');
    mkdirSync(shim);
    writeFileSync(
      join(shim, 'npm'),
      `#!/bin/sh\n[ "$*" = "run bundle" ] || { echo "npm stand-in: only 'npm run bundle', not: npm $*" >&2; exit 2; }\n` +
        `rm -rf dist && cp -R '${fresh}' dist\n`,
    );
    chmodSync(join(shim, 'npm'), 0o755);
  });

  it(`passes v${version}, the version in package.json, on this commit`, async () => {
    const job = await verify(`v${version}`);
    expect(statuses(job)).toEqual([
      ['The tag is a semantic version', 'success'],
      ['uses: actions/checkout@v7', 'skipped'],
      ['uses: actions/setup-node@v7', 'skipped'],
      ['Mail servers for the probe tests', 'skipped'],
      ['run: npm ci', 'skipped'],
      ['package.json version matches the tag', 'success'],
      ['dist/ is the fresh build of this commit', 'success'],
      ['run: sudo -E env "PATH=$PATH" npm test', 'skipped'],
    ]);
    expect(job.conclusion).toBe('success');
    expect((await checkDist()).conclusion).toBe('success');
  });

  it.each(['v1.2', '1.2.3', `v${version}-rc.1`, 'V1.2.3', 'v1.2.3 ', 'latest'])(
    'refuses the tag %p before anything else runs',
    async (tag) => {
      const job = await verify(tag);
      expect(job.steps[0]).toMatchObject({
        label: 'The tag is a semantic version',
        status: 'failure',
      });
      expect(job.steps[0]!.log).toContain(
        `::error title=Not a release tag::'${tag}' is not vX.Y.Z`,
      );
      expect(job.steps.slice(1).every((s) => s.status === 'skipped')).toBe(true);
    },
  );

  it('refuses a semantic version tag that is not the version in package.json', async () => {
    const job = await verify('v9.9.9');
    expect(step(job, 'package.json version matches the tag').status).toBe('failure');
    expect(step(job, 'dist/ is the fresh build of this commit').status).toBe('skipped');
    expect(job.conclusion).toBe('failure');
  });

  it.each([
    [
      'a changed file',
      (dir: string) => writeFileSync(join(dir, 'dist/index.js'), '// stale\n', { flag: 'a' }),
      / M dist\/index\.js/,
    ],
    ['a file missing', (dir: string) => rmSync(join(dir, 'dist/index.js')), /\?\? dist\/index\.js/],
    [
      'a file too many',
      (dir: string) => writeFileSync(join(dir, 'dist/old-chunk.js'), '0\n'),
      / D dist\/old-chunk\.js/,
    ],
  ])('refuses a commit whose dist/ has %s', async (_, change, line) => {
    const head = git(clone, 'rev-parse', 'HEAD');
    try {
      change(clone);
      git(clone, 'add', '-A', 'dist');
      git(clone, 'commit', '--quiet', '-m', 'stale dist');
      const job = await verify(`v${version}`);
      const dist = step(job, 'dist/ is the fresh build of this commit');
      expect(dist.status).toBe('failure');
      expect(dist.log).toContain('::error title=dist is stale::');
      expect(dist.log).toMatch(line);
      expect(job.conclusion).toBe('failure');
      const check = await checkDist();
      const compare = step(check, 'Compare dist/ with the fresh build');
      expect(compare.status).toBe('failure');
      expect(compare.log).toContain('::error title=dist is stale::');
      expect(check.conclusion).toBe('failure');
    } finally {
      git(clone, 'reset', '--quiet', '--hard', head);
      git(clone, 'clean', '--quiet', '-fd', 'dist');
    }
  });
});

describe('release.yml move-major-tag, against a local bare repository as origin', () => {
  let origin: string;
  let dev: string;
  beforeAll(() => {
    origin = join(scratch, 'origin.git');
    dev = join(scratch, 'dev');
    git(scratch, 'init', '--quiet', '--bare', origin);
    // The maintainers' repository: a few small commits are all the job looks at (a clone of this
    // one would spend seconds packing its history into origin).
    git(scratch, 'init', '--quiet', dev);
    writeFileSync(join(dev, 'README.md'), 'first\n');
    git(dev, 'add', 'README.md');
    git(dev, 'commit', '--quiet', '-m', 'first release');
    git(dev, 'remote', 'add', 'origin', origin);
  });

  /** The release's checkout as actions/checkout makes it: its commit at depth 1 as refs/tags/TAG. */
  function checkoutRelease(tag: string): string {
    const commit = git(origin, 'rev-parse', `${tag}^{commit}`);
    const workspace = join(scratch, `ws-${tag}`);
    git(scratch, 'init', '--quiet', workspace);
    git(workspace, 'remote', 'add', 'origin', `file://${origin}`);
    git(
      workspace,
      'fetch',
      '--quiet',
      '--no-tags',
      '--depth',
      '1',
      'origin',
      `+${commit}:refs/tags/${tag}`,
    );
    return workspace;
  }
  const moveMajorTag = (tag: string, prerelease = false) =>
    runJob({
      workflow: '.github/workflows/release.yml',
      job: 'move-major-tag',
      workspace: checkoutRelease(tag),
      skip: [
        {
          step: /^uses: actions\/checkout@/,
          reason: 'done by checkoutRelease, as actions/checkout does',
        },
      ],
      event: releaseEvent(tag, prerelease),
    });
  const remoteTag = (name: string) => git(origin, 'rev-parse', `${name}^{commit}`);
  /** A new commit on `parent`, pushed to origin with its tag, as a maintainer does before releasing. */
  function tagRelease(tag: string, parent: string, annotated = false): string {
    git(dev, 'checkout', '--quiet', '--detach', parent);
    writeFileSync(join(dev, 'README.md'), `${tag}\n`);
    git(dev, 'commit', '--quiet', '-am', tag);
    const commit = git(dev, 'rev-parse', 'HEAD');
    git(dev, 'tag', ...(annotated ? ['-a', '-m', tag] : []), tag, commit);
    git(dev, 'push', '--quiet', 'origin', `refs/tags/${tag}`);
    return commit;
  }
  const moveLog = (job: JobRun) => step(job, 'Move the major tag to this release').log;

  it('v1 follows v1.2.3, then v1.3.0 (annotated, by a force push); never backwards; v1.10.0 is newer than v1.4.0', async () => {
    const root = git(dev, 'rev-parse', 'HEAD');
    const first = tagRelease('v1.2.3', root);
    const job1 = await moveMajorTag('v1.2.3');
    expect(job1.conclusion).toBe('success');
    expect(moveLog(job1)).toContain('::notice title=Major tag moved::v1 now points at v1.2.3');
    expect(remoteTag('v1')).toBe(first);

    const second = tagRelease('v1.3.0', first, true);
    // Without force, the existing v1 cannot move: the workflow's -f is what makes it follow.
    expect(() => git(dev, 'push', 'origin', `${second}:refs/tags/v1`)).toThrow(
      /already exists|rejected/,
    );
    const job2 = await moveMajorTag('v1.3.0');
    expect(job2.conclusion).toBe('success');
    expect(remoteTag('v1')).toBe(second);
    expect(remoteTag('v1.2.3')).toBe(first);
    // v1 is a plain tag on the commit, not a copy of the annotated tag object.
    expect(git(origin, 'cat-file', '-t', 'v1')).toBe('commit');

    // Never backwards: a fix of the older minor published later, or a pre-release.
    tagRelease('v1.2.4', first);
    const job3 = await moveMajorTag('v1.2.4');
    expect(job3.conclusion).toBe('success');
    expect(moveLog(job3)).toContain(
      '::notice title=Major tag not moved::v1 stays: v1.3.0 is newer than v1.2.4',
    );
    tagRelease('v1.4.0', second);
    const job4 = await moveMajorTag('v1.4.0', true);
    expect(moveLog(job4)).toContain('::notice title=Major tag not moved::v1.4.0 is a pre-release');
    expect(remoteTag('v1')).toBe(second);

    // Versions compare as numbers: v1.10.0 is newer than v1.4.0 and v1.3.0.
    const tenth = tagRelease('v1.10.0', second);
    expect((await moveMajorTag('v1.10.0')).conclusion).toBe('success');
    expect(remoteTag('v1')).toBe(tenth);
  });
});

// --- expressions and inputs --------------------------------------------------------------------

const action = parse(readFileSync('action.yml', 'utf8')) as ActionDefinition;
const workflowFiles = [
  ...readdirSync('.github/workflows').map((f) => `.github/workflows/${f}`),
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.yml'))
    .map((f) => `examples/${f}`),
];

describe('expressions in the workflows and examples', () => {
  it.each(workflowFiles)('%s names only steps, outputs, inputs and contexts that exist', (file) => {
    expect(workflowProblems(file, readWorkflow(file), action)).toEqual([]);
  });

  it('action.yml names only contexts that exist', () => {
    expect(actionProblems(action)).toEqual([]);
  });

  it('finds the references in a condition, leaving string literals and functions out', () => {
    expect(referencesOf("always() && steps.preflight.outputs.report-path != 'a.b'")).toEqual({
      paths: ['steps.preflight.outputs.report-path'],
      functions: ['always'],
    });
  });

  it('reports each kind of mistake', () => {
    const broken = parse(`
on: push
env: { A: '1' }
jobs:
  j:
    strategy: { matrix: { node: [20] } }
    steps:
      - run: echo "\${{ steps.later.outputs.x }} \${{ matrix.nodes }} \${{ env.B }}"
      - id: later
        uses: ./
        with: { tenant-id: t, client-ids: c, node: '\${{ matrix.node }} \${{ env.A }}' }
      - if: always() && steps.later.outputs.results == 'pass'
        run: echo "\${{ github.event.release.tag_name }} \${{ runner.tmp }} \${{ lower(x.y) }}"
`) as Workflow;
    expect(workflowProblems('w.yml', broken, action)).toEqual([
      "w.yml job j step 'run: echo \"${{ steps.later.outputs.x }} ${{ matrix.nodes }} ${{ env.B }}\"': steps.later.outputs.x: no earlier step has id 'later'",
      expect.stringMatching(/matrix\.nodes: not in the job matrix$/),
      expect.stringMatching(/env\.B: no env of that name$/),
      "w.yml job j step 'uses: ./': with 'client-ids' is not an input of action.yml",
      "w.yml job j step 'uses: ./': with 'node' is not an input of action.yml",
      "w.yml job j step 'uses: ./': the required input 'client-id' is missing",
      expect.stringMatching(
        /github\.event\.release\.tag_name: the workflow does not run on 'release'$/,
      ),
      expect.stringMatching(/runner\.tmp: not a runner property$/),
      expect.stringMatching(/lower\(\) is not a function of GitHub expressions$/),
      expect.stringMatching(/x\.y: unknown context$/),
      expect.stringMatching(
        /steps\.later\.outputs\.results: 'results' is not an output of action\.yml$/,
      ),
    ]);
  });
});
