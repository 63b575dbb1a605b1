// The sandbox tenant: an Entra-like token endpoint and Microsoft Graph on loopback, for tests,
// benchmarks and `npm start`. Not part of dist/index.js.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generateSigningKey, type SigningKey } from './jwt.js';
import { entraErrorAnswer } from './entra-errors.js';
import { FaultPlan } from './faults.js';
import { answerGraphRequest } from './routes/graph.js';
import { answerTokenRequest } from './routes/token.js';
import {
  DEVICE_CODE_GRANT_TYPE,
  answerDeviceCodePoll,
  answerDeviceCodeRequest,
} from './routes/device-code.js';
import { findScenario } from './scenarios.js';
import { healthyTenant, type SandboxTenant } from './tenant.js';

export interface RecordedRequest {
  method: string;
  path: string;
  route: 'token' | 'graph' | 'devicecode' | 'other';
  /** Parsed form for token requests (tests count password grants with it). */
  form?: URLSearchParams;
  body: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface Sandbox {
  url: string;
  tenant: SandboxTenant;
  key: SigningKey;
  faults: FaultPlan;
  requests: RecordedRequest[];
  /** Every access and refresh token the token route issued (leak checks look for them). */
  issued: string[];
  close(): Promise<void>;
}

export interface SandboxOptions {
  scenario?: string;
  key?: SigningKey;
  tenant?: SandboxTenant;
  port?: number;
  now?: () => number;
  /** Serve https with this key and certificate (see tls.ts) instead of plain http. */
  tls?: { key: string; cert: string };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const tenant = options.tenant ?? healthyTenant();
  const key = options.key ?? generateSigningKey();
  const faults = new FaultPlan();
  const now = options.now ?? Date.now;
  const requests: RecordedRequest[] = [];
  const issued: string[] = [];
  if (options.scenario) {
    const scenario = findScenario(options.scenario);
    if (!scenario) throw new Error(`unknown sandbox scenario '${options.scenario}'`);
    scenario.apply?.(tenant, faults);
  }
  const hanging = new Set<ServerResponse>();

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const route = /\/oauth2\/v2\.0\/token$/.test(path.split('?')[0]!)
        ? 'token'
        : /\/oauth2\/v2\.0\/devicecode$/.test(path.split('?')[0]!)
          ? 'devicecode'
          : /^\/(v1\.0|beta)\//.test(path)
            ? 'graph'
            : 'other';
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        route,
        body,
        headers: req.headers,
        at: now(),
      };
      if (route === 'token' || route === 'devicecode') record.form = new URLSearchParams(body);
      requests.push(record);
      const answer = () => handle(record, res);
      if (faults.latencyMs > 0) setTimeout(answer, faults.latencyMs);
      else answer();
    });
  };
  const server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createHttpServer(listener);

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  }

  function handle(record: RecordedRequest, res: ServerResponse) {
    if (record.route === 'other') return send(res, 404, { error: 'not_found' });
    if (record.route === 'devicecode') {
      const tenantInPath = decodeURIComponent(record.path.split('/')[1] ?? '');
      const answer = answerDeviceCodeRequest(tenant, tenantInPath, record.form!, now);
      return send(res, answer.status, answer.body);
    }
    const fault = faults.take(record.route);
    if (fault?.kind === 'hang') {
      hanging.add(res);
      return;
    }
    if (fault?.kind === 'html') {
      res.writeHead(fault.status ?? 200, { 'content-type': 'text/html' });
      return res.end('<!DOCTYPE html><html><body><h1>Sign in to the proxy</h1></body></html>');
    }
    if (fault?.kind === 'unexpected-shape') {
      return send(res, 200, { value: [], note: 'not what this route answers' });
    }
    if (fault?.kind === 'entra-error') {
      const answer = entraErrorAnswer(
        fault.code,
        {
          tenant: tenant.tenantId,
          client: tenant.app.appId,
          name: tenant.app.displayName,
          identifier: record.form?.get('username') ?? '',
          scope: record.form?.get('scope') ?? '',
          resource: record.form?.get('scope') ?? '',
        },
        fault.spec,
      );
      return send(res, answer.status, answer.body);
    }
    if (fault?.kind === 'malformed-json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"access_token": "abc", "expires_in": ');
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> =
        fault.retryAfterSeconds !== undefined
          ? { 'retry-after': String(fault.retryAfterSeconds) }
          : {};
      const body =
        record.route === 'graph'
          ? {
              error: {
                code: fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
                message: 'Injected fault.',
              },
            }
          : {
              error: 'temporarily_unavailable',
              error_description: 'AADSTS90055: Injected fault.',
              error_codes: [90055],
            };
      return send(res, fault.status, body, headers);
    }
    if (record.route === 'token') {
      const tenantInPath = decodeURIComponent(record.path.split('/')[1] ?? '');
      const answer =
        record.form!.get('grant_type') === DEVICE_CODE_GRANT_TYPE
          ? answerDeviceCodePoll(tenant, tenantInPath, record.form!, key, now)
          : answerTokenRequest({
              tenant,
              key,
              tenantInPath,
              contentType: String(record.headers['content-type'] ?? ''),
              form: record.form!,
              now,
            });
      for (const name of ['access_token', 'refresh_token'] as const) {
        const value = answer.body[name];
        if (typeof value === 'string') issued.push(value);
      }
      return send(res, answer.status, answer.body);
    }
    const path = record.path.replace(/^\/(v1\.0|beta)/, '');
    const answer = answerGraphRequest({
      method: record.method,
      path,
      headers: record.headers,
      body: record.body,
      tenant,
      claims: bearerClaims(record.headers.authorization),
    });
    return send(res, answer.status, answer.body, answer.headers);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    tenant,
    key,
    faults,
    requests,
    issued,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function bearerClaims(header: string | undefined): Record<string, unknown> | undefined {
  const token = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return undefined;
  }
}
