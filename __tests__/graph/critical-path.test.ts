// The permissions check's critical path, asserted as behaviour (order and overlap of requests),
// not as timings: both token requests are in flight together, then ONE Graph request: the $batch.
// A gate in front of the sandbox holds token answers until two token requests have arrived, so a
// client that asked for the tokens one after the other would never get past it.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { permissionsResult, runEngine } from '../permissions/engine-run.js';

type Event = { what: 'arrive' | 'answer' | 'gate-gave-up'; route: 'token' | 'graph'; path: string };

let sandbox: Sandbox;
let gate: Server;
let gateUrl: string;
const events: Event[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  let waiting: (() => void)[] = [];
  gate = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const route = path.includes('/oauth2/v2.0/token') ? 'token' : 'graph';
      events.push({ what: 'arrive', route, path });
      const forward = async () => {
        const answer = await fetch(`${sandbox.url}${path}`, {
          method: req.method,
          headers: Object.fromEntries(
            Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length'),
          ) as Record<string, string>,
          body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
        });
        const text = await answer.text();
        events.push({ what: 'answer', route, path });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
        res.end(text);
      };
      if (route !== 'token') return void forward();
      waiting.push(() => void forward());
      if (waiting.length === 2) {
        const release = waiting;
        waiting = [];
        for (const go of release) go();
      } else {
        // Safety valve only (the test fails if it fires): never leave a client hanging.
        setTimeout(() => {
          if (!waiting.length) return;
          events.push({ what: 'gate-gave-up', route, path });
          const release = waiting;
          waiting = [];
          for (const go of release) go();
        }, 3000).unref();
      }
    });
  });
  await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
  gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`;
});

afterAll(async () => {
  gate.closeAllConnections();
  await new Promise<void>((resolve) => gate.close(() => resolve()));
  await sandbox.close();
});

it('checks: permissions, token: the two tokens overlap, then one $batch is the only Graph request', async () => {
  const run = await runEngine(sandbox, {
    checks: 'permissions, token',
    endpoints: `authority=${gateUrl}\ngraph=${gateUrl}`,
  });
  expect(permissionsResult(run).status).toBe('pass');
  expect(events.filter((e) => e.what === 'gate-gave-up')).toEqual([]);
  const order = events.map((e) => `${e.what} ${e.route}`);
  expect(order).toEqual([
    'arrive token',
    'arrive token',
    'answer token',
    'answer token',
    'arrive graph',
    'answer graph',
  ]);
  const graph = events.filter((e) => e.route === 'graph' && e.what === 'arrive');
  expect(graph.map((e) => e.path)).toEqual(['/v1.0/$batch']);
  // One token for mail (ROPC), one app-only for Graph.
  const grants = sandbox.requests
    .filter((r) => r.route === 'token')
    .map((r) => r.form?.get('grant_type'))
    .sort();
  expect(grants).toEqual(['client_credentials', 'password']);
});

it('with secret-expiry too: it reads the same $batch, so the path is unchanged', async () => {
  events.length = 0;
  const run = await runEngine(sandbox, {
    checks: 'permissions, token, secret-expiry',
    endpoints: `authority=${gateUrl}\ngraph=${gateUrl}`,
  });
  expect(permissionsResult(run).status).toBe('pass');
  expect(run.outcome.report.checks.find((c) => c.id === 'secret-expiry')?.status).toBe('pass');
  expect(run.outcome.secretInUse?.daysLeft).toBeGreaterThan(0);
  expect(events.map((e) => `${e.what} ${e.route}`)).toEqual([
    'arrive token',
    'arrive token',
    'answer token',
    'answer token',
    'arrive graph',
    'answer graph',
  ]);
  expect(events.filter((e) => e.route === 'graph').map((e) => e.path)).toEqual([
    '/v1.0/$batch',
    '/v1.0/$batch',
  ]);
});
