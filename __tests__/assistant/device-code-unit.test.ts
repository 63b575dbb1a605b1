// The polling loop's own guards, with a scripted HttpClient: a server that never leaves
// "pending" is stopped once the code's lifetime has passed on the injected clock, and an answer
// that is not JSON ends the flow with what was received, never with the device code.
import { describe, expect, it } from '@jest/globals';
import type { HttpClient, HttpRequest } from '../../src/http/types.js';
import { pollDeviceCode, startDeviceCode } from '../../src/identity/device-code.js';

function scripted(answers: { status: number; text: string; contentType?: string }[]) {
  const seen: HttpRequest[] = [];
  const http: HttpClient = {
    request(req) {
      seen.push(req);
      const a = answers[Math.min(seen.length - 1, answers.length - 1)]!;
      return Promise.resolve({
        status: a.status,
        headers: {},
        contentType: a.contentType ?? 'application/json',
        text: a.text,
        attempts: 1,
      });
    },
  };
  return { http, seen };
}

const target = {
  authority: 'https://login.microsoftonline.com',
  tenant: 'contoso.onmicrosoft.com',
  clientId: '3b8e6f0a-2c4d-4e9b-9a1f-6d7c5b4a3e21',
};
const grant = {
  deviceCode: 'DAQAB-device-code-value',
  userCode: 'ABC',
  verificationUri: 'https://microsoft.com/devicelogin',
  expiresInSeconds: 30,
  intervalSeconds: 5,
  message: 'm',
};

describe('device-code polling guards', () => {
  it('stops by itself when the server keeps answering pending past the code’s lifetime', async () => {
    const { http, seen } = scripted([
      { status: 400, text: JSON.stringify({ error: 'authorization_pending' }) },
    ]);
    let clock = 0;
    const sleeps: number[] = [];
    const outcome = await pollDeviceCode(http, target, grant, {
      sleep: (ms) => {
        sleeps.push(ms);
        clock += ms;
        return Promise.resolve();
      },
      now: () => clock,
      registerSecret: () => undefined,
    });
    expect(outcome).toMatchObject({ ok: false, failure: { error: 'local-expiry' } });
    // Polls at 5, 10 ... 40 s: the first pending answer after 30 s + one interval of grace stops it.
    expect(seen).toHaveLength(8);
    expect(sleeps.every((ms) => ms === 5000)).toBe(true);
    expect(seen[0]!.body).toContain(
      'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code',
    );
  });

  it('an HTML answer ends the flow as unreadable, naming status and content type', async () => {
    const { http } = scripted([
      { status: 502, text: '<html>proxy</html>', contentType: 'text/html' },
    ]);
    const registered: string[] = [];
    const outcome = await pollDeviceCode(http, target, grant, {
      sleep: () => Promise.resolve(),
      now: () => 0,
      registerSecret: (v) => registered.push(v),
    });
    expect(outcome).toMatchObject({
      ok: false,
      polls: 1,
      failure: { error: 'unreadable', status: 502 },
    });
    expect(JSON.stringify(outcome)).not.toContain(grant.deviceCode);
    expect(registered).toContain(grant.deviceCode);
  });

  it('the device-code request is form-encoded to /{tenant}/oauth2/v2.0/devicecode; no interval means 5 s', async () => {
    const { http, seen } = scripted([
      {
        status: 200,
        text: JSON.stringify({
          device_code: 'd',
          user_code: 'U',
          verification_uri: 'https://microsoft.com/devicelogin',
          expires_in: '900',
        }),
      },
    ]);
    const started = await startDeviceCode(http, target, [
      'https://outlook.office.com/SMTP.Send',
      'offline_access',
    ]);
    expect(seen[0]!.url).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/devicecode',
    );
    expect(seen[0]!.headers?.['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[0]!.body).toBe(
      `client_id=${target.clientId}&scope=https%3A%2F%2Foutlook.office.com%2FSMTP.Send+offline_access`,
    );
    expect(started).toMatchObject({
      ok: true,
      grant: { intervalSeconds: 5, expiresInSeconds: 900 },
    });
  });

  it('Microsoft’s description reaches the terminal as one clean, bounded line', async () => {
    const description = `AADSTS50105: blocked \u001b[31mred\u0007 ${'x'.repeat(400)}\r\nTrace ID: t`;
    const { http } = scripted([
      {
        status: 400,
        text: JSON.stringify({
          error: 'invalid_grant',
          error_description: description,
          error_codes: [50105],
        }),
      },
    ]);
    const outcome = await pollDeviceCode(http, target, grant, {
      sleep: () => Promise.resolve(),
      now: () => 0,
      registerSecret: () => undefined,
    });
    const failure = outcome.ok ? undefined : outcome.failure;
    expect(failure?.code).toBe(50105);
    expect(failure?.description).toMatch(/^AADSTS50105: blocked {2}\[31mred {2}x+$/);
    expect(failure?.description?.length).toBe(300);
  });
});
