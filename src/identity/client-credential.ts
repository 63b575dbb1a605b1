// The form fields that prove the app's identity on a token request, per `client-auth`: the client
// secret, a certificate's signed assertion (signed anew for every request), or a federated
// assertion (fetched anew for every request: GitHub's tokens live five minutes). The certificate
// and doctor code is loaded only by runs that use it, so a secret-only start-up does not grow.
import type { HttpClient } from '../http/types.js';
import type { Settings } from '../settings/types.js';
import type { ClientCertificate } from './certificate.js';
import type { DoctorFinding } from './federation-doctor.js';

export type ClientAuthFields =
  | { ok: true; fields: Record<string, string> }
  | { ok: false; failure: { summary: string; remediation: string } };

export interface CredentialDeps {
  settings: Settings;
  http: HttpClient;
  registerSecret: (value: string) => void;
  now: () => Date;
  tokenUrl: string;
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const loaded = new Map<string, ClientCertificate>();

/**
 * Checks `client-certificate` before any request: it parses, the key belongs to the certificate,
 * the certificate is valid now. Undefined when fine (or not used); otherwise the refusal.
 */
export async function certificateProblem(
  settings: Settings,
  now: Date,
): Promise<{ input: 'client-certificate'; message: string } | undefined> {
  if (settings.clientAuth !== 'certificate') return undefined;
  const { loadClientCertificate } = await import('./certificate.js');
  const check = loadClientCertificate(settings.clientCertificate, now);
  if (check.ok) {
    loaded.set(settings.clientCertificate, check.certificate);
    return undefined;
  }
  return { input: 'client-certificate', message: `${check.problem}. ${check.fix}.` };
}

/** The certificate of a run, once checked (undefined before certificateProblem ran). */
export async function loadedCertificate(
  settings: Settings,
): Promise<ClientCertificate | undefined> {
  if (settings.clientAuth !== 'certificate') return undefined;
  const known = loaded.get(settings.clientCertificate);
  if (known) return known;
  const { loadClientCertificate } = await import('./certificate.js');
  const check = loadClientCertificate(settings.clientCertificate, new Date());
  if (!check.ok) return undefined;
  loaded.set(settings.clientCertificate, check.certificate);
  return check.certificate;
}

export async function clientAuthFields(deps: CredentialDeps): Promise<ClientAuthFields> {
  const { settings } = deps;
  switch (settings.clientAuth) {
    case 'none':
      return { ok: true, fields: {} };
    case 'secret':
      return { ok: true, fields: { client_secret: settings.clientSecret } };
    case 'certificate': {
      const certificate = await loadedCertificate(settings);
      if (!certificate)
        return {
          ok: false,
          failure: {
            summary: 'the client certificate could not be loaded',
            remediation: 'Check the client-certificate input (see the inputs check).',
          },
        };
      const { signClientAssertion } = await import('./client-assertion.js');
      const assertion = signClientAssertion({
        certificate,
        clientId: settings.clientId,
        tokenUrl: deps.tokenUrl,
        now: deps.now(),
      });
      deps.registerSecret(assertion);
      return {
        ok: true,
        fields: { client_assertion_type: JWT_BEARER, client_assertion: assertion },
      };
    }
    case 'federated': {
      const { nextAssertion } = await import('./assertion-source.js');
      if (!settings.assertionSource) {
        const { noOidcTokenFailure } = await import('./github-oidc.js');
        return {
          ok: false,
          failure: noOidcTokenFailure(settings.assertionMissing ?? 'no-permission'),
        };
      }
      const outcome = await nextAssertion(settings.assertionSource, deps);
      if (!outcome.ok) return outcome;
      deps.registerSecret(outcome.assertion);
      return {
        ok: true,
        fields: { client_assertion_type: JWT_BEARER, client_assertion: outcome.assertion },
      };
    }
  }
}

/**
 * The doctor's words for an Entra refusal of a federated assertion, or undefined when the run is
 * not federated or the code is not one the doctor knows.
 */
export async function federationDoctor(
  settings: Settings,
  errorCodes: readonly number[],
  assertion: string | undefined,
  now: Date,
): Promise<(DoctorFinding & { code: number }) | undefined> {
  if (settings.clientAuth !== 'federated') return undefined;
  const doctor = await import('./federation-doctor.js');
  const code = errorCodes.find((c) => doctor.FEDERATION_CODES.has(c));
  if (code === undefined) return undefined;
  return {
    code,
    ...doctor.diagnoseFederation({
      code,
      presented: doctor.presentedClaims(assertion),
      clientId: settings.clientId,
      cloud: settings.cloud,
      audience: settings.federatedAudience,
      now,
    }),
  };
}
