// `client-auth`: which credential the app signs in with, and the refusals when it has none.
import { describe, expect, it } from '@jest/globals';
import {
  resolveClientAuth,
  type ClientAuthInput,
  type FederationEnv,
} from '../../src/settings/client-auth.js';

const RUNNER: FederationEnv = {
  oidc: {
    kind: 'available',
    requestUrl: 'http://127.0.0.1:1/oidc?api-version=2.0',
    requestToken: 'rt',
  },
};
const base: ClientAuthInput = {
  clientAuth: 'auto',
  clientSecret: '',
  clientCertificate: '',
  federatedAudience: '',
  grant: 'client-credentials',
  cloud: 'public',
  env: { oidc: { kind: 'no-permission' } },
};
const resolve = (more: Partial<ClientAuthInput>) => resolveClientAuth({ ...base, ...more });

describe('client-auth: auto', () => {
  it('takes the certificate first, then the secret, then the runner’s OIDC token', () => {
    expect(
      resolve({ clientCertificate: 'PEM', clientSecret: 's', env: RUNNER }).settings.clientAuth,
    ).toBe('certificate');
    expect(resolve({ clientSecret: 's', env: RUNNER }).settings.clientAuth).toBe('secret');
    const federated = resolve({ env: RUNNER });
    expect(federated.settings).toMatchObject({
      clientAuth: 'federated',
      federatedAudience: 'api://AzureADTokenExchange',
      assertionSource: {
        kind: 'github',
        requestToken: 'rt',
        audience: 'api://AzureADTokenExchange',
      },
    });
    expect(federated.problems).toEqual([]);
  });

  it('refuses client credentials with no credential at all, naming all three ways', () => {
    const { problems } = resolve({});
    expect(problems).toHaveLength(1);
    expect(problems[0]!.input).toBe('client-secret');
    expect(problems[0]!.message).toMatch(
      /client-credentials.*client-certificate.*permissions: id-token: write/,
    );
  });

  it('keeps a password grant without any credential a public client, as before', () => {
    expect(resolve({ grant: 'password' })).toEqual({
      problems: [],
      settings: expect.objectContaining({ clientAuth: 'none' }),
    });
  });

  it('uses the audience of the cloud, or federated-audience', () => {
    expect(resolve({ env: RUNNER, cloud: 'usgov-dod' }).settings.federatedAudience).toBe(
      'api://AzureADTokenExchangeUSGov',
    );
    expect(resolve({ env: RUNNER, cloud: 'china' }).settings.federatedAudience).toBe(
      'api://AzureADTokenExchangeChina',
    );
    expect(
      resolve({ env: RUNNER, federatedAudience: 'api://custom' }).settings.assertionSource,
    ).toMatchObject({ audience: 'api://custom' });
  });

  it('takes a CLI assertion before the runner’s', () => {
    const settings = resolve({
      env: { ...RUNNER, assertion: { kind: 'file', path: '/tmp/t' } },
    }).settings;
    expect(settings.assertionSource).toEqual({ kind: 'file', path: '/tmp/t' });
  });
});

describe('client-auth: explicit', () => {
  it('federated without a token says why: fork or missing permission', () => {
    expect(
      resolve({ clientAuth: 'federated', env: { oidc: { kind: 'fork' } } }).settings
        .assertionMissing,
    ).toBe('fork');
    expect(resolve({ clientAuth: 'federated' }).settings.assertionMissing).toBe('no-permission');
    expect(resolve({ clientAuth: 'federated' }).problems).toEqual([]);
  });

  it('secret and certificate need their input', () => {
    expect(resolve({ clientAuth: 'secret' }).problems[0]).toMatchObject({ input: 'client-secret' });
    expect(resolve({ clientAuth: 'certificate', clientSecret: 's' }).problems[0]).toMatchObject({
      input: 'client-certificate',
    });
    expect(resolve({ clientAuth: 'kerberos' }).problems[0]).toMatchObject({
      input: 'client-auth',
      message: "'kerberos' is not one of: auto, secret, certificate, federated",
    });
  });
});
