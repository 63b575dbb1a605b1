// The node:http transport: which proxy the environment names for a URL, CONNECT tunnels through a
// real forward proxy on loopback (the npm package `proxy`) to the https sandbox, proxy
// credentials, a proxy that never answers, and the byte cap on answers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { createProxy, type ProxyServer } from 'proxy';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { selfSignedLoopbackCert, type SandboxTls } from '../../sandbox/tls.js';
import { SANDBOX_CLIENT_ID, SANDBOX_SECRET, SANDBOX_TENANT_ID } from '../../sandbox/tenant.js';
import { createHttpClient } from '../../src/http/client.js';
import { Deadline } from '../../src/http/deadline.js';
import { HttpError } from '../../src/http/errors.js';
import { ProxyConfigError, proxyFor } from '../../src/http/proxy.js';
import { createTransport } from '../../src/http/transport.js';
import type { HttpRequest } from '../../src/http/types.js';

describe('proxyFor: the proxy the environment names', () => {
  const https = new URL('https://login.microsoftonline.com/t/oauth2/v2.0/token');
  const http = new URL('http://127.0.0.1:8080/t/oauth2/v2.0/token');

  it('takes the lower-case variable first, and the http proxy for https when no https one is set', () => {
    expect(proxyFor(https, { HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:2' })?.host).toBe(
      'b:2',
    );
    expect(proxyFor(https, { HTTP_PROXY: 'http://c:3' })?.host).toBe('c:3');
    expect(proxyFor(http, { HTTPS_PROXY: 'http://a:1' })).toBeUndefined();
    expect(proxyFor(http, { http_proxy: 'http://d:4', HTTP_PROXY: 'http://c:3' })?.host).toBe(
      'd:4',
    );
    expect(proxyFor(https, {})).toBeUndefined();
  });

  it.each([
    ['*', true],
    ['microsoftonline.com', true],
    ['.microsoftonline.com', true],
    ['*.microsoftonline.com', true],
    ['login.microsoftonline.com:443', true],
    ['login.microsoftonline.com:8443', false],
    ['online.com', false],
    ['graph.microsoft.com, localhost', false],
    ['example.com login.microsoftonline.com', true],
  ])('NO_PROXY=%s bypasses the proxy for login.microsoftonline.com: %s', (noProxy, bypassed) => {
    const proxy = proxyFor(https, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: noProxy });
    expect(proxy === undefined).toBe(bypassed);
  });

  it('reads a proxy without a scheme as http://, and refuses one that is not a URL without echoing it', () => {
    expect(proxyFor(https, { HTTPS_PROXY: 'proxy.contoso.example:3128' })?.href).toBe(
      'http://proxy.contoso.example:3128/',
    );
    let error: unknown;
    try {
      proxyFor(https, { HTTPS_PROXY: 'http://user:s3cret@[bad' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProxyConfigError);
    expect((error as Error).message).not.toContain('s3cret');
  });
});

describe('through a real forward proxy', () => {
  let secure: Sandbox;
  let tls: SandboxTls;
  let proxy: ProxyServer;
  let proxyUrl: string;
  const connects: string[] = [];
  const auth: (string | undefined)[] = [];

  beforeAll(async () => {
    tls = selfSignedLoopbackCert();
    secure = await startSandbox({ tls });
    const server = createServer();
    server.on('connect', (req) => {
      connects.push(req.url ?? '');
      auth.push(req.headers['proxy-authorization']);
    });
    proxy = createProxy(server);
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    connects.length = 0;
    auth.length = 0;
    proxy.authenticate = undefined;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((done) => proxy.close(done));
    await secure.close();
  });

  const tokenRequest = () => ({
    method: 'POST',
    url: `${secure.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: SANDBOX_CLIENT_ID,
      client_secret: SANDBOX_SECRET,
      scope: 'https://outlook.office365.com/.default',
    }).toString(),
  });
  const send = (transport: ReturnType<typeof createTransport>) =>
    transport.send(tokenRequest(), {
      signal: AbortSignal.timeout(5_000),
      maxBytes: 1 << 20,
    });

  it('tunnels https with one CONNECT and reuses the tunnel for the next request', async () => {
    const transport = createTransport({ env: { HTTPS_PROXY: proxyUrl }, ca: tls.cert });
    const first = await send(transport);
    const second = await send(transport);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(JSON.parse(first.text)).toHaveProperty('access_token');
    expect(connects).toEqual([`127.0.0.1:${new URL(secure.url).port}`]);
  });

  it('checks the target certificate inside the tunnel', async () => {
    const transport = createTransport({ env: { HTTPS_PROXY: proxyUrl } });
    await expect(send(transport)).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('sends the credentials of the proxy URL as Proxy-Authorization', async () => {
    proxy.authenticate = (req) =>
      req.headers['proxy-authorization'] === `Basic ${Buffer.from('ci:p@ss').toString('base64')}`;
    const withCredentials = new URL(proxyUrl);
    withCredentials.username = 'ci';
    withCredentials.password = 'p@ss';
    const transport = createTransport({
      env: { HTTPS_PROXY: withCredentials.href },
      ca: tls.cert,
    });
    expect((await send(transport)).status).toBe(200);
    const refused = createTransport({ env: { HTTPS_PROXY: proxyUrl }, ca: tls.cert });
    await expect(send(refused)).rejects.toMatchObject({
      code: 'EPROXYREFUSED',
      message: expect.stringContaining('HTTP 407') as unknown,
    });
  });
});

describe('a proxy that accepts the connection and never answers', () => {
  let silent: ReturnType<typeof createTcpServer>;
  const sockets: Socket[] = [];
  let closed: Promise<void>;
  beforeAll(async () => {
    let onClose!: () => void;
    closed = new Promise((done) => (onClose = done));
    silent = createTcpServer((socket) => {
      sockets.push(socket);
      socket.resume(); // read (and ignore) the CONNECT, so that the client's FIN is seen
      socket.on('close', onClose);
    });
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((done) => silent.close(done));
  });

  it('ends with the per-attempt timeout, and the CONNECT is dropped with it', async () => {
    const deadline = new Deadline(10_000);
    const client = createHttpClient({
      deadline,
      transport: createTransport({
        env: { HTTPS_PROXY: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` },
      }),
    });
    const error = await client
      .request({
        method: 'GET',
        url: 'https://graph.microsoft.com/v1.0/applications',
        endpointName: 'Microsoft Graph (test)',
        retry: 'none',
        timeoutMs: 300,
      })
      .catch((e: unknown) => e);
    deadline.dispose();
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).kind).toBe('timeout');
    await closed; // the proxy saw the tunnel request go away
    expect(sockets).toHaveLength(1);
  });
});

describe('the byte cap on answers', () => {
  let server: Server;
  let url: string;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      // 4 MiB in 64 KiB chunks: more than the cap below, sent as a hostile server would.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let i = 0; i < 64; i++) res.write(chunk);
      res.end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/applications`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('stops reading past maxBodyBytes and names the endpoint, without retrying', async () => {
    const deadline = new Deadline(10_000);
    const request: HttpRequest = {
      method: 'GET',
      url,
      endpointName: 'Microsoft Graph (list applications)',
      maxBodyBytes: 1 << 20,
    };
    const error = await createHttpClient({ deadline, transport: createTransport({ env: {} }) })
      .request(request)
      .catch((e: unknown) => e);
    deadline.dispose();
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'bad-response' });
    expect((error as HttpError).message).toBe(
      `answer too large from Microsoft Graph (list applications) (${url}): more than 1 MiB, not read further`,
    );
    expect(requests).toBe(1);
  });
});

describe('transport: an answer whose connection closes early', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Promises 100 bytes, sends 10, then drops the connection.
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"value":[');
      setImmediate(() => res.socket?.destroy());
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/applications`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('fails as a reset connection (retried like one), not with a half answer', async () => {
    const transport = createTransport({ env: {} });
    const error = await transport
      .send({ method: 'GET', url }, { signal: new AbortController().signal, maxBytes: 1 << 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'ECONNRESET', message: 'the answer was cut off' });
  });
});
