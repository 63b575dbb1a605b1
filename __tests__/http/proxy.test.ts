// dist/index.js behind a real forward proxy on loopback (the npm package `proxy`): with
// HTTPS_PROXY/HTTP_PROXY set every request goes through it; NO_PROXY hosts bypass it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy, type ProxyServer } from 'proxy';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { selfSignedLoopbackCert, type SandboxTls } from '../../sandbox/tls.js';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { SANDBOX_TENANT_ID } from '../../sandbox/tenant.js';
import { runActionChecked } from '../helpers/checked-run.js';

let sandbox: Sandbox;
/** The same sandbox over https, like the real endpoints: proxies see a CONNECT tunnel. */
let secure: Sandbox;
let tls: SandboxTls;
let proxy: ProxyServer;
let proxyUrl: string;
/** What the proxy was asked to forward: absolute-form request URLs and CONNECT targets. */
const proxied: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  tls = selfSignedLoopbackCert();
  secure = await startSandbox({ tls });
  const server = createServer();
  server.on('request', (req) => proxied.push(`${req.method} ${req.url}`));
  server.on('connect', (req) => proxied.push(`CONNECT ${req.url}`));
  proxy = createProxy(server);
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((done) => proxy.close(done));
  await sandbox.close();
  await secure.close();
});
beforeEach(() => {
  proxied.length = 0;
});

const inputs = (target = sandbox) =>
  sandboxInputs(target, { endpoints: `authority=${target.url}` });
/** The runner's environment for the https sandbox: trust its certificate. */
const trusting = (env: Record<string, string>) => ({ NODE_EXTRA_CA_CERTS: tls.certFile, ...env });
const securePort = () => new URL(secure.url).port;
const tokenPath = `/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`;

describe('dist/index.js behind a forward proxy', () => {
  it.each(['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY'])(
    'tunnels the https token request through the proxy named by %s',
    async (name) => {
      const before = secure.requests.length;
      const run = await runActionChecked(inputs(secure), {
        env: trusting({ [name]: proxyUrl }),
        sandbox: secure,
      });
      expect(run.code).toBe(0);
      expect(run.outputs.result).toBe('pass');
      expect(proxied).toEqual([`CONNECT 127.0.0.1:${securePort()}`]);
      expect(secure.requests.slice(before)).toHaveLength(1);
    },
  );

  it('sends plain http (loopback overrides) as an absolute-form request, not CONNECT', async () => {
    const run = await runActionChecked(inputs(), { env: { HTTP_PROXY: proxyUrl }, sandbox });
    expect(run.code).toBe(0);
    expect(proxied).toEqual([`POST ${sandbox.url}${tokenPath}`]);
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    const before = secure.requests.length;
    const run = await runActionChecked(inputs(secure), {
      env: trusting({
        HTTPS_PROXY: proxyUrl,
        HTTP_PROXY: proxyUrl,
        NO_PROXY: 'example.com,127.0.0.1',
      }),
      sandbox: secure,
    });
    expect(run.code).toBe(0);
    expect(proxied).toEqual([]);
    expect(secure.requests.slice(before)).toHaveLength(1);
  });

  it('still uses the proxy when NO_PROXY names other hosts only', async () => {
    const run = await runActionChecked(inputs(secure), {
      env: trusting({ HTTPS_PROXY: proxyUrl, NO_PROXY: 'localhost,.contoso.example' }),
      sandbox: secure,
    });
    expect(run.code).toBe(0);
    expect(proxied).toEqual([`CONNECT 127.0.0.1:${securePort()}`]);
  });

  it('a proxy that cannot be reached fails with a message naming the endpoint and the proxy fix', async () => {
    const run = await runActionChecked(inputs(), {
      env: { HTTP_PROXY: 'http://127.0.0.1:9' },
      sandbox,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error [^\n]*token endpoint \(mail token\) \(http:\/\/127\.0\.0\.1:\d+\/.*could not be reached/m,
    );
    expect(run.stdout).toMatch(/HTTPS_PROXY/);
  });
});
