// Every refusal of the inputs parser names the input and says why; secret values are never
// echoed; the combinations of grant, checks and credentials follow the contract.
import { describe, expect, it } from '@jest/globals';
import { parseSettings } from '../../src/settings/parse-settings.js';
import type { InputName } from '../../src/settings/inputs.js';
import type { RawInputs } from '../../src/settings/types.js';

const TENANT = '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d10';
const CLIENT = '3b8e6f0a-2c4d-4e9b-9a1f-6d7c5b4a3e21';
const SECRET = 'Xk48Q~secret.value_0123456789';
const PASSWORD = 'correct horse battery staple';
const valid: RawInputs = {
  'tenant-id': TENANT,
  'client-id': CLIENT,
  'client-secret': SECRET,
  username: 'alice@contoso.example',
  password: PASSWORD,
};

function problemsOf(raw: RawInputs) {
  const result = parseSettings(raw);
  return result.ok ? [] : result.problems;
}

function settingsOf(raw: RawInputs) {
  const result = parseSettings(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

/** The one refusal `raw` must get: on `input`, with a message matching `why`. */
function expectRefused(raw: RawInputs, input: InputName, why: RegExp) {
  const problems = problemsOf(raw);
  expect(problems.map((p) => p.input)).toContain(input);
  const problem = problems.find((p) => p.input === input)!;
  expect(problem.message).toMatch(why);
  for (const secret of [SECRET, PASSWORD]) expect(problem.message).not.toContain(secret);
}

describe('tenant-id', () => {
  it.each(['common', 'organizations', 'consumers', 'Common'])('refuses the alias %s', (alias) =>
    expectRefused({ ...valid, 'tenant-id': alias }, 'tenant-id', /multi-tenant alias/),
  );
  it.each([
    'contoso.com/v2.0',
    'contoso\\evil',
    'contoso.com?x=1',
    'contoso.com#frag',
    '%2e%2e',
    '..',
    'contoso..com',
    'con toso.com',
  ])('refuses %p: it would change the token URL path', (value) =>
    expectRefused({ ...valid, 'tenant-id': value }, 'tenant-id', /not allowed in a tenant id/),
  );
  it.each(['not-a-guid', '7f3c1a52-9d4e-4b6a-8c21', 'localhost', '12345'])(
    'refuses %p: neither a GUID nor a domain',
    (value) =>
      expectRefused({ ...valid, 'tenant-id': value }, 'tenant-id', /neither a GUID nor a domain/),
  );
  it('is required', () => expectRefused({ ...valid, 'tenant-id': '' }, 'tenant-id', /is required/));
  it.each([TENANT, TENANT.toUpperCase(), 'contoso.onmicrosoft.com', 'mail.contoso.co.uk'])(
    'accepts %p',
    (value) =>
      expect(settingsOf({ ...valid, 'tenant-id': ` ${value} ` }).settings.tenantId).toBe(value),
  );
});

describe('client-id', () => {
  it.each(['my-app', 'c0ffee00-1111-4222-8333', `{${CLIENT}}`])('refuses %p: not a GUID', (value) =>
    expectRefused({ ...valid, 'client-id': value }, 'client-id', /is not a GUID/),
  );
  it('is required', () => expectRefused({ ...valid, 'client-id': '' }, 'client-id', /is required/));
});

describe('grant and credentials', () => {
  it('auto: password grant when a password is given', () => {
    expect(settingsOf(valid).settings).toMatchObject({ grant: 'password', grantSource: 'auto' });
  });
  it('auto: client-credentials when no password is given', () => {
    expect(settingsOf({ ...valid, password: '' }).settings).toMatchObject({
      grant: 'client-credentials',
      grantSource: 'auto',
    });
  });
  it('refuses an unknown grant', () =>
    expectRefused(
      { ...valid, grant: 'implicit' },
      'grant',
      /'implicit' is not one of: auto, password, client-credentials/,
    ));
  it('password grant needs a username', () =>
    expectRefused(
      { ...valid, grant: 'password', username: '' },
      'username',
      /required with grant: password/,
    ));
  it('password grant needs a password', () =>
    expectRefused(
      { ...valid, grant: 'password', password: '' },
      'password',
      /required with grant: password/,
    ));
  it('password grant without a client secret is a public client: accepted for the token check', () => {
    expect(
      settingsOf({ ...valid, grant: 'password', 'client-secret': '', checks: 'token' }).settings
        .clientSecret,
    ).toBe('');
  });
  it('client-credentials needs a client secret', () =>
    expectRefused(
      { ...valid, grant: 'client-credentials', 'client-secret': '' },
      'client-secret',
      /required with grant: client-credentials/,
    ));
  it('secret-expiry needs a client secret even with the password grant', () =>
    expectRefused(
      { ...valid, 'client-secret': '', checks: 'token, secret-expiry' },
      'client-secret',
      /required by the secret-expiry check/,
    ));
  it('the mailbox check with client-credentials needs the mailbox username', () =>
    expectRefused(
      { ...valid, password: '', username: '', checks: 'mailbox' },
      'username',
      /required by the mailbox check/,
    ));
  it('a username must be a UPN', () =>
    expectRefused(
      { ...valid, username: 'alice' },
      'username',
      /'alice' is not a user principal name/,
    ));
  it('checks: secret-expiry alone needs neither username nor password, and uses the app-only grant', () => {
    const { settings } = settingsOf({
      'tenant-id': TENANT,
      'client-id': CLIENT,
      'client-secret': SECRET,
      checks: 'secret-expiry',
    });
    expect(settings).toMatchObject({ grant: 'client-credentials', checks: ['secret-expiry'] });
  });
  it('never echoes a secret value in problems or warnings', () => {
    const result = parseSettings({
      ...valid,
      username: '',
      password: ` ${PASSWORD} `,
      'client-secret': CLIENT,
    });
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result.ok ? [] : [result.problems, result.warnings]);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(CLIENT);
  });
});

describe('the password', () => {
  it('is kept exactly as given, with a warning for surrounding spaces', () => {
    const result = settingsOf({ ...valid, password: `  ${PASSWORD}\t` });
    expect(result.settings.password).toBe(`  ${PASSWORD}\t`);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^password has leading or trailing whitespace.*AADSTS50126/),
    ]);
  });
  it('gets no warning without surrounding spaces', () => {
    expect(settingsOf(valid).warnings).toEqual([]);
  });
  it('a client secret that looks like a GUID is probably its ID: warned', () => {
    expect(settingsOf({ ...valid, 'client-secret': CLIENT }).warnings).toEqual([
      expect.stringMatching(/^client-secret looks like a GUID: that is usually the secret's ID/),
    ]);
  });
});

describe('endpoints', () => {
  const withEndpoints = (endpoints: string) => ({ ...valid, endpoints });
  it.each([
    'authority=http://login.example.com',
    'graph=http://10.0.0.5:8080',
    'outlook-resource=http://outlook.office.com',
  ])('refuses plain http to a non-loopback host: %s', (line) =>
    expectRefused(
      withEndpoints(line),
      'endpoints',
      /http:\/\/, which is accepted only for loopback hosts/,
    ),
  );
  it.each([
    ['authority=http://127.0.0.1:8080', 'authority', 'http://127.0.0.1:8080'],
    ['authority=http://localhost:9', 'authority', 'http://localhost:9'],
    ['graph=http://[::1]:81', 'graph', 'http://[::1]:81'],
    [
      'authority=https://login.microsoftonline.us/',
      'authority',
      'https://login.microsoftonline.us',
    ],
  ] as const)('accepts %s', (line, key, origin) =>
    expect(settingsOf(withEndpoints(line)).settings.endpoints[key]).toBe(origin),
  );
  it.each([
    ['authority=https://login.example.com/tenant/oauth2', /scheme and host only/],
    ['authority=ftp://login.example.com', /must use https/],
    ['graph=https://user:pw@graph.example.com', /must not carry credentials/],
    ['graph=not a url', /is not a URL/],
    ['imap=outlook.office365.com', /must be host:port/],
    ['imap=outlook.office365.com:0', /must be host:port/],
    ['smtp=smtp.office365.com:70000', /must be host:port/],
    ['pop=https://outlook.office365.com:995', /must be host:port/],
    ['ldap=x:1', /unknown key 'ldap'/],
    ['imap', /is not key=value/],
  ])('refuses %s', (line, why) => expectRefused(withEndpoints(line), 'endpoints', why));
  it('accepts host:port forms, IPv6 in brackets', () => {
    const { endpoints } = settingsOf(
      withEndpoints('imap=127.0.0.1:1993\npop=[::1]:1995\nsmtp=mail.contoso.example:587'),
    ).settings;
    expect(endpoints.imap).toEqual({ host: '127.0.0.1', port: 1993 });
    expect(endpoints.pop).toEqual({ host: '::1', port: 1995 });
    expect(endpoints.smtp).toEqual({ host: 'mail.contoso.example', port: 587 });
  });
});

describe('extra-permissions', () => {
  it('reads one permission a line', () => {
    const { settings } = settingsOf({
      ...valid,
      'extra-permissions':
        'graph:Mail.Send (application)\nexchange: IMAP.AccessAsApp (Application)\n',
    });
    expect(settings.extraPermissions).toEqual([
      { resource: 'graph', name: 'Mail.Send', type: 'application' },
      { resource: 'exchange', name: 'IMAP.AccessAsApp', type: 'application' },
    ]);
  });
  it.each([
    'Mail.Send',
    'graph:Mail.Send',
    'sharepoint:Sites.Read.All (application)',
    'graph:Mail.Send (app)',
  ])('refuses %p', (line) =>
    expectRefused(
      { ...valid, 'extra-permissions': line },
      'extra-permissions',
      /resource:Permission \(type\)/,
    ),
  );
});

describe('lists and choices', () => {
  it('reads comma- or newline-separated lists, without duplicates', () => {
    const { settings } = settingsOf({
      ...valid,
      activities: 'send\nread, send',
      checks: 'token,\n token',
    });
    expect(settings.activities).toEqual(['send', 'read']);
    expect(settings.checks).toEqual(['token']);
  });
  it.each([
    ['activities', 'read, delete', /unknown value\(s\) 'delete'; allowed: read, send/],
    ['activities', ',', /must name at least one of: read, send/],
    ['checks', 'token, dns', /unknown value\(s\) 'dns'/],
    ['read-protocol', 'ews', /'ews' is not one of: imap, pop/],
    ['permissions-profile', 'all', /is not one of: flow, email-connector/],
    ['secret-expiry-scope', 'org', /is not one of: self, tenant/],
    ['fail-on', 'never', /is not one of: error, warning/],
    ['cloud', 'germany', /is not one of: public, usgov, usgov-dod, china/],
    ['check-run', 'yes', /is not one of: auto, always, never/],
  ] as const)('%s: refuses %p', (input, value, why) =>
    expectRefused({ ...valid, [input]: value }, input, why),
  );
});

describe('numbers', () => {
  it.each([
    ['timeout-seconds', '0'],
    ['timeout-seconds', '3601'],
    ['timeout-seconds', '1.5'],
    ['timeout-seconds', '-5'],
    ['timeout-seconds', 'ten'],
    ['secret-expiry-warning-days', '1e3'],
    ['secret-expiry-failure-days', '0x10'],
  ] as const)('%s: refuses %p', (input, value) =>
    expectRefused({ ...valid, [input]: value }, input, /must be a whole number from \d+ to \d+/),
  );
  it('refuses a failure window wider than the warning window', () =>
    expectRefused(
      { ...valid, 'secret-expiry-warning-days': '5', 'secret-expiry-failure-days': '10' },
      'secret-expiry-failure-days',
      /10 is more than secret-expiry-warning-days \(5\)/,
    ));
  it('applies the defaults', () => {
    expect(settingsOf(valid).settings).toMatchObject({
      timeoutMs: 60_000,
      secretExpiry: { warningDays: 30, failureDays: 7, scope: 'self' },
    });
  });
});

describe('clouds', () => {
  it.each([
    ['usgov', 'https://login.microsoftonline.us', 'https://outlook.office365.us/.default'],
    ['china', 'https://login.partner.microsoftonline.cn', 'https://partner.outlook.cn/.default'],
  ])('%s sets the authority and the app-only scope', (cloud, authority, scope) => {
    const { settings } = settingsOf({ ...valid, password: '', cloud });
    expect(settings.endpoints.authority).toBe(authority);
    expect(settings.scopes).toEqual([scope]);
  });
});
