// Issue 11 through dist/index.js, run as a runner runs it: hostile Entra, Graph, IMAP, SMTP and
// GitHub API servers on loopback. Each test asserts the bound (the child's peak memory, the time
// against timeout-seconds, the bytes of the report) and that no injected workflow command,
// Markdown/HTML element or control character reaches the log, the summary or the report.
// (POP and the unit-level mail limits: __tests__/mailbox/hostile-mail.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HtmlRenderer, Parser } from 'commonmark';
import {
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { healthyTenant } from '../../sandbox/tenant.js';
import { MAIL_LIMITS } from '../../src/mailbox/line-connection.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../github/fake-github-api.js';
import { NODE24_PATH } from '../helpers/node-binaries.js';
import { flood, startHostileHttp, type HostileHttp } from '../helpers/hostile-http.js';
import { parseFileCommand } from '../helpers/run-action.js';
import { selfSignedCert, startFakeServer, type FakeServer } from '../mailbox/fake-server.js';
import { expectNoInjection, renderedText, runMeasured } from './run-measured.js';

/** What a compromised or spoofed server puts in any text it controls. */
const HOSTILE = [
  'CI secret',
  '##[set-output name=access-token]pwned',
  '::set-output name=result::pass',
  '\r\u001b[2K\u001b[32m✔ PASS\u001b[0m',
  '\u001b]52;c;cHduZWQ=\u0007',
  '\u202eevil\u202c',
  '\r\r# Heading\r\r[link](http://evil.example) ![x](http://evil.example/x.png)',
  '\n\n<img src=x onerror=alert(1)><script>alert(1)</script>',
].join('\n');

const key = generateSigningKey('dist-hostile-kid');
let sandbox: Sandbox;
let cert: { key: string; cert: string };
let caFile: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const tenant = healthyTenant();
  tenant.app.secrets[0]!.displayName = HOSTILE;
  sandbox = await startSandbox({ key, tenant });
  cert = selfSignedCert();
  caFile = join(mkdtempSync(join(tmpdir(), 'm365-hostile-ca-')), 'ca.pem');
  writeFileSync(caFile, cert.cert);
}, 30_000);
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await sandbox?.close();
});

async function hostileHttp(handler: Parameters<typeof startHostileHttp>[0]): Promise<HostileHttp> {
  const server = await startHostileHttp(handler);
  closers.push(() => server.close());
  return server;
}

const base = (more: Record<string, string> = {}) => sandboxInputs(sandbox, more);

/** An Entra stand-in answering every token request with `status` and `body`. */
const entra = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  hostileHttp((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });

const checkOf = (run: { report?: Record<string, unknown> }, id: string) =>
  (run.report?.checks as { id: string; status: string; summary: string; details?: string }[]).find(
    (c) => c.id === id,
  );

/** Elements a CommonMark renderer makes of the summary, by tag name. */
function elements(markdown: string): string[] {
  const html = new HtmlRenderer().render(new Parser().parse(markdown));
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
}

describe('1, 2, 8: server text in the log, the summary and the report', () => {
  it('a hostile secret display name (Graph) and description (Entra) inject no command, element or control character', async () => {
    // The display name reaches the PASS line of the secret-expiry check.
    const graphRun = await runMeasured(
      base({ checks: 'secret-expiry', grant: 'client-credentials', password: '' }),
      { sandbox },
    );
    expect(graphRun.code).toBe(0);
    expect(graphRun.stdout).toMatch(
      /^PASS Client secret expiry: The client secret in use \('CI secret /m,
    );
    expectNoInjection(graphRun);
    // The summary renders no element the action did not write: no heading, link, image, script.
    const tags = new Set(elements(graphRun.summary));
    for (const tag of ['h1', 'a', 'img', 'script']) expect(tags.has(tag)).toBe(false);
    expect(graphRun.summary).not.toMatch(/\n\s*\n[^<\n]/); // every block starts with a tag

    // Entra's description reaches the failed token check and the SKIP line of the tenant scan.
    const authority = await entra(400, {
      error: 'invalid_client',
      error_description: `AADSTS7000215: ${HOSTILE}`,
      error_codes: [7000215],
    });
    const entraRun = await runMeasured(
      base({
        checks: 'token, secret-expiry',
        grant: 'client-credentials',
        password: '',
        'secret-expiry-scope': 'tenant',
        endpoints: `authority=${authority.url}\ngraph=${authority.url}`,
      }),
    );
    expect(entraRun.code).toBe(1);
    expect(entraRun.stdout).toMatch(
      /^SKIP Credential expiry across the tenant: not (scanned|checked)/m,
    );
    expectNoInjection(entraRun);
    expect(entraRun.outputs['access-token']).toBeUndefined();
    expect(
      elements(entraRun.summary).filter((t) => ['h1', 'a', 'img', 'script'].includes(t)),
    ).toEqual([]);
  });
});

describe('3: no unbounded reads', () => {
  it('an IMAP and an SMTP server flooding short lines: bounded memory, time and report', async () => {
    const floods: { closed: boolean }[] = [];
    const pump = (server: () => FakeServer, send: (line: string) => void, line: string) => {
      const state = { closed: false };
      floods.push(state);
      server().onClose(() => (state.closed = true));
      const batch = `${line}\r\n`.repeat(1999) + line;
      const go = () => {
        if (state.closed) return;
        send(batch);
        setImmediate(go);
      };
      go();
    };
    const imap: FakeServer = await startFakeServer({
      tls: cert,
      greeting: '* OK ready',
      onLine: (line, s) =>
        line === 'a0 CAPABILITY' &&
        pump(
          () => imap,
          (l) => s.send(l),
          '* FLOOD',
        ),
    });
    const smtp: FakeServer = await startFakeServer({
      greeting: '220 ready',
      onLine: (line, s) =>
        line.startsWith('EHLO') &&
        pump(
          () => smtp,
          (l) => s.send(l),
          '250-FLOOD',
        ),
    });
    closers.push(
      () => imap.close(),
      () => smtp.close(),
    );
    const run = await runMeasured(
      base({
        checks: 'token, mailbox',
        'timeout-seconds': '15',
        endpoints: [
          `authority=${sandbox.url}`,
          `graph=${sandbox.url}`,
          `imap=127.0.0.1:${imap.endpoint.port}`,
          `smtp=127.0.0.1:${smtp.endpoint.port}`,
        ].join('\n'),
      }),
      { sandbox, env: { NODE_EXTRA_CA_CERTS: caFile } },
    );
    expect(checkOf(run, 'mailbox-imap')?.details).toContain(
      `sent more than ${MAIL_LIMITS.linesRead} lines`,
    );
    expect(checkOf(run, 'mailbox-smtp')?.details).toContain(
      `sent more than ${MAIL_LIMITS.linesRead} lines`,
    );
    expect(run.wallMs).toBeLessThan(15_000);
    expect(run.maxRssMiB).toBeLessThan(200);
    expect(run.reportText.length).toBeLessThan(64 * 1024);
    expect(floods.every((f) => f.closed)).toBe(true);
    expectNoInjection(run);
  }, 60_000);

  it('a token endpoint streaming without end: "answer too large", memory bounded', async () => {
    const authority = await hostileHttp((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      flood(res, `{"access_token":"${'x'.repeat(64 * 1024)}`);
    });
    const run = await runMeasured(
      base({ endpoints: `authority=${authority.url}`, 'timeout-seconds': '20' }),
    );
    expect(run.code).toBe(1);
    expect(checkOf(run, 'token')?.summary).toMatch(
      /^answer too large from token endpoint \(mail token\) \(http:\/\/127\.0\.0\.1:\d+\/[^)]+\): more than 8 MiB, not read further$/,
    );
    expect(run.maxRssMiB).toBeLessThan(200);
    expect(authority.requests).toHaveLength(1);
  }, 60_000);
});

describe('3: the GitHub API', () => {
  it('a check-run answer that never ends: "answer too large from the GitHub API", memory bounded', async () => {
    const api = await hostileHttp((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      flood(res, `{"id":1,"x":"${'y'.repeat(64 * 1024)}`);
    });
    const run = await runMeasured(
      base({ 'check-run': 'always', 'github-token': 'ghs_fake', 'timeout-seconds': '20' }),
      { sandbox, env: { GITHUB_API_URL: api.url, GITHUB_SHA: 'a'.repeat(40) } },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Could not create the pull-request check run: answer too large from the GitHub API: more than 64 KiB, not read further.',
    );
    expect(run.stdout).not.toContain('HTTP 500');
    expect(run.maxRssMiB).toBeLessThan(200);
    expect(api.sent.bytes).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);
});

describe('4, 9: text and numbers from Entra', () => {
  it('a million blanks in error_description: the run ends within timeout-seconds, field capped', async () => {
    const authority = await entra(400, {
      error: 'invalid_grant',
      error_description: `AADSTS50126: x${' '.repeat(1_000_000)}y\r\nTrace ID: 1`,
      error_codes: [50126],
    });
    const run = await runMeasured(
      base({ endpoints: `authority=${authority.url}`, 'timeout-seconds': '10' }),
    );
    expect(run.code).toBe(1);
    expect(run.wallMs).toBeLessThan(10_000);
    expect(run.report).toBeDefined();
    expect(run.reportText.length).toBeLessThan(32 * 1024);
    expectNoInjection(run);
  }, 60_000);

  it('expires_in of 1e300: a clean failure with the report written, no "Invalid time value"', async () => {
    const authority = await entra(200, {
      token_type: 'Bearer',
      access_token: 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2lnbmF0dXJl',
      expires_in: 1e300,
    });
    const run = await runMeasured(base({ endpoints: `authority=${authority.url}` }));
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(checkOf(run, 'token')?.summary).toContain(
      'JSON that is not a token response (missing or invalid: expires_in)',
    );
    expect(renderedText(run)).not.toContain('Invalid time value');
    expect(run.outputs['access-token']).toBeUndefined();
  });
});

describe('5: the report path', () => {
  it('a file per run, created new with mode 0600 in a 0700 directory; a planted symlink is not followed', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'm365-runner-temp-'));
    // The old fixed path, planted with a symlink to a file of someone else's.
    const victim = join(temp, 'victim.txt');
    writeFileSync(victim, 'untouched');
    mkdirSync(join(temp, 'm365-mail-preflight'));
    symlinkSync(victim, join(temp, 'm365-mail-preflight', 'report.json'));
    const [one, two] = await Promise.all([
      runMeasured(base(), { sandbox, env: { RUNNER_TEMP: temp } }),
      runMeasured(base({ checks: 'secret-expiry' }), { sandbox, env: { RUNNER_TEMP: temp } }),
    ]);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    const paths = [one.outputs['report-path']!, two.outputs['report-path']!];
    expect(new Set(paths).size).toBe(2);
    for (const path of paths) {
      expect(dirname(dirname(path))).toBe(temp);
      expect(lstatSync(path).isFile()).toBe(true);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    }
    // Each step's report-path shows its own result.
    expect(checkOf(one, 'token')).toBeDefined();
    expect(checkOf(two, 'token')).toBeUndefined();
  }, 60_000);
});

describe('6: the compile cache', () => {
  const node = existsSync(NODE24_PATH) ? NODE24_PATH : undefined;
  (node ? it : it.skip)(
    'lives only in a 0700 directory of ours under RUNNER_TEMP; a directory another user made is not used',
    async () => {
      const temp = mkdtempSync(join(tmpdir(), 'm365-runner-temp-'));
      const systemTemp = mkdtempSync(join(tmpdir(), 'm365-system-temp-'));
      const run = await runMeasured(base(), {
        sandbox,
        node: node!,
        env: { RUNNER_TEMP: temp, TMPDIR: systemTemp },
      });
      expect(run.code).toBe(0);
      const cache = join(temp, 'm365-mail-preflight-compile-cache');
      expect(statSync(cache).mode & 0o777).toBe(0o700);
      expect(readdirSync(cache).length).toBeGreaterThan(0);
      expect(readdirSync(systemTemp)).toEqual([]); // no node-compile-cache in the shared temp

      // Another user (nobody) created the directory first, open to all: it stays untouched.
      const other = mkdtempSync(join(tmpdir(), 'm365-runner-temp-'));
      const planted = join(other, 'm365-mail-preflight-compile-cache');
      mkdirSync(planted, { mode: 0o777 });
      chownSync(planted, 65534, 65534);
      const second = await runMeasured(base(), {
        sandbox,
        node: node!,
        env: { RUNNER_TEMP: other, TMPDIR: systemTemp },
      });
      expect(second.code).toBe(0);
      expect(readdirSync(planted)).toEqual([]);
    },
    60_000,
  );
});

describe('7: multi-line secrets', () => {
  it('Entra echoing one line of a multi-line secret: the line is masked and redacted everywhere', async () => {
    const secret = 'first-line-of-the-secret-Zq8\nsecond-line-of-the-secret-Wp3';
    const authority = await entra(401, {
      error: 'invalid_client',
      error_description: `AADSTS7000215: Invalid client secret provided: first-line-of-the-secret-Zq8 ...`,
      error_codes: [7000215],
    });
    const run = await runMeasured(
      base({
        'client-secret': secret,
        grant: 'client-credentials',
        password: '',
        endpoints: `authority=${authority.url}`,
      }),
    );
    expect(run.code).toBe(1);
    const shown = renderedText(run)
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toContain('first-line-of-the-secret');
    // The runner is told to mask each line on its own.
    expect(run.stdout).toContain('::add-mask::first-line-of-the-secret-Zq8\n');
    expect(run.stdout).toContain('::add-mask::second-line-of-the-secret-Wp3\n');
  });
});

describe('10: loopback means loopback', () => {
  it('http://evil.localhost is refused as an endpoint and as GITHUB_API_URL', async () => {
    const refused = await runMeasured(base({ endpoints: 'authority=http://evil.localhost:1' }));
    expect(refused.code).toBe(1);
    expect(checkOf(refused, 'inputs')?.summary).toContain('accepted only for loopback hosts');

    const api = await startFakeGitHubApi();
    closers.push(() => api.close());
    const port = new URL(api.url).port;
    const run = await runMeasured(base({ 'check-run': 'always', 'github-token': 'ghs_fake' }), {
      sandbox,
      env: { GITHUB_API_URL: `http://evil.localhost:${port}`, GITHUB_SHA: 'a'.repeat(40) },
    });
    expect(run.stdout).toContain(`GITHUB_API_URL 'http://evil.localhost:${port}' is not https://`);
    expect(api.requests).toEqual([]);
  });
});

describe('11: messages that say what happened', () => {
  it('a token endpoint answering 307: "redirected to <host>; not followed"', async () => {
    const authority = await entra(307, '', { location: 'https://evil.example:8443/steal' });
    const run = await runMeasured(base({ endpoints: `authority=${authority.url}` }));
    expect(checkOf(run, 'token')?.summary).toBe(
      'the token endpoint (mail token) answered HTTP 307: redirected to evil.example:8443; not followed',
    );
    expect(authority.requests).toHaveLength(1);
  });

  it('a GitHub API that never answers: "timed out", not "HTTP 500"', async () => {
    const api: FakeGitHubApi = await startFakeGitHubApi();
    closers.push(() => api.close());
    api.hang = true;
    const run = await runMeasured(
      base({ 'check-run': 'always', 'github-token': 'ghs_fake', 'timeout-seconds': '3' }),
      { sandbox, env: { GITHUB_API_URL: api.url, GITHUB_SHA: 'a'.repeat(40) } },
    );
    expect(run.stdout).toMatch(/did not answer within \d+ ms \(timed out\)/);
    expect(run.stdout).not.toContain('HTTP 500');
    expect(run.wallMs).toBeLessThan(3_000 + 5_000);
  });

  it('an unwritable RUNNER_TEMP is named, and result is never set', async () => {
    const run = await runMeasured(base(), { sandbox, env: { RUNNER_TEMP: '/sys' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::m365-mail-preflight could not write the JSON report: \/sys: not writable \(operation not permitted\) \(EPERM\)/m,
    );
    expect(run.outputs.result).toBeUndefined();
    expect(run.outputs['report-path']).toBeUndefined();
    expect(run.outputs['access-token']).toBeDefined();
  });

  it('a full disk under GITHUB_OUTPUT is named; a write cut short leaves no half heredoc', async () => {
    const full = await runMeasured(base(), { sandbox, env: { GITHUB_OUTPUT: '/dev/full' } });
    expect(full.code).toBe(1);
    expect(full.stdout).toContain(
      "could not write the step's outputs to GITHUB_OUTPUT (/dev/full): the disk is full (ENOSPC)",
    );
    // A file size limit cuts the write part-way (as a disk filling up does): nothing is kept.
    const wrapper = join(mkdtempSync(join(tmpdir(), 'm365-ulimit-')), 'node');
    // Python, not sh: a POSIX shell drops the runner's INPUT_TENANT-ID style variables.
    writeFileSync(
      wrapper,
      [
        '#!/usr/bin/env python3',
        'import os, resource, sys',
        'resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))',
        `os.execv(${JSON.stringify(process.execPath)}, [${JSON.stringify(process.execPath)}] + sys.argv[1:])`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const cut = await runMeasured(base(), { sandbox, node: wrapper });
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain('the file is larger than the system allows (EFBIG)');
    const output = readFileSync(join(cut.dir, 'output'), 'utf8');
    expect(output).toBe('');
    expect(parseFileCommand(output)).toEqual({});
  });
});

describe('12: the password grant after 429/503', () => {
  it('503 twice: the password is sent twice, never a third time, and the log says why', async () => {
    const authority = await entra(
      503,
      { error: 'temporarily_unavailable' },
      { 'retry-after': '0' },
    );
    const run = await runMeasured(base({ endpoints: `authority=${authority.url}` }));
    expect(run.code).toBe(1);
    const sent = authority.requests.filter((r) => r.body.includes('password='));
    expect(sent).toHaveLength(2);
    expect(run.stdout).toMatch(
      /^token endpoint \(mail token\): HTTP 503, retry 1 in \d+ ms \(Entra answered before checking the password, so it is sent a second time; there is no further retry/m,
    );
  });
});
