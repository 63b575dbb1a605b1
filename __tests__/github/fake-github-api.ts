// A GitHub REST API stand-in on loopback: answers the two calls the action makes (create a check
// run, create a commit status), each with 201 or a scripted refusal, and records every request.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHubRequest {
  method: string;
  path: string;
  authorization: string;
  body: Record<string, unknown>;
}

export interface FakeGitHubApi {
  url: string;
  requests: GitHubRequest[];
  /** HTTP status to answer per kind of call; 201 unless set. */
  refuse: { checks?: number; statuses?: number };
  /** Never answer (requests are still recorded). */
  hang: boolean;
  close(): Promise<void>;
}

const NOT_ALLOWED = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest',
  status: '403',
};

export async function startFakeGitHubApi(): Promise<FakeGitHubApi> {
  const requests: GitHubRequest[] = [];
  const refuse: FakeGitHubApi['refuse'] = {};
  const state = { hang: false };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      requests.push({
        method: req.method ?? '',
        path,
        authorization: req.headers.authorization ?? '',
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      if (state.hang) return;
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(path)) {
        if (refuse.checks) return send(refuse.checks, NOT_ALLOWED);
        return send(201, { id: 4242, html_url: 'https://github.example/check-runs/4242' });
      }
      if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/statuses\/[0-9a-f]{40}$/.test(path)) {
        if (refuse.statuses) return send(refuse.statuses, NOT_ALLOWED);
        return send(201, { id: 77, state: 'success' });
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    refuse,
    get hang() {
      return state.hang;
    },
    set hang(value: boolean) {
      state.hang = value;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
