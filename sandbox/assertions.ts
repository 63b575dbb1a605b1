// How the sandbox's Entra authenticates the client of a token request: a client secret, or a
// client assertion (urn:ietf:params:oauth:client-assertion-type:jwt-bearer) that is either signed
// with a certificate uploaded to the app, or an external identity provider's token matched against
// the app's federated identity credentials. Checks and their errors follow Microsoft's pages
// (https://learn.microsoft.com/entra/identity-platform/certificate-credentials,
// https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations) and
// the replies in sandbox/entra-errors-assertions.ts. Which of 70021/700211/700212/700213 Entra
// picks is not documented; the sandbox uses the split codes and 70021 for an app with no federated
// credential at all.
import { constants, createHash, X509Certificate, verify, type KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import { entraErrorAnswer } from './entra-errors.js';
import type { SandboxTenant } from './tenant.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Clock skew Entra tolerates on nbf/exp (five minutes is the usual validator default). */
const SKEW_SECONDS = 300;

export type ClientAuth =
  | { ok: true; method: 'secret' | 'certificate' | 'federated' | 'none' }
  | { ok: false; answer: { status: number; body: Record<string, unknown> } };

export interface ClientAuthContext {
  tenant: SandboxTenant;
  form: URLSearchParams;
  /** The URL the request was sent to: a certificate assertion's `aud` must be it. */
  tokenUrl: string;
  /** Public keys of the external issuers the sandbox can verify (GitHub's). */
  issuerKeys: Record<string, string>;
  now: () => number;
  /** A public client with "Allow public client flows" may sign in with no credential (ROPC). */
  publicClient: boolean;
}

type Json = Record<string, unknown>;

function decodeJwt(
  jwt: string,
): { header: Json; claims: Json; signed: string; sig: Buffer } | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const json = (p: string) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as unknown;
    const header = json(parts[0]!);
    const claims = json(parts[1]!);
    if (!header || typeof header !== 'object' || !claims || typeof claims !== 'object')
      return undefined;
    return {
      header: header as Json,
      claims: claims as Json,
      signed: `${parts[0]}.${parts[1]}`,
      sig: Buffer.from(parts[2]!, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

function verifies(alg: unknown, key: KeyObject, data: string, sig: Buffer): boolean {
  if (alg === 'RS256') return verify('sha256', Buffer.from(data), key, sig);
  if (alg === 'PS256')
    return verify(
      'sha256',
      Buffer.from(data),
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
      sig,
    );
  return false;
}

const instant = (seconds: number | undefined) =>
  seconds === undefined
    ? '0001-01-01T00:00:00.0000000Z'
    : new Date(seconds * 1000).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

export function authenticateClient(ctx: ClientAuthContext): ClientAuth {
  const { tenant, form } = ctx;
  const app = tenant.app;
  const vars = { tenant: tenant.tenantId, client: app.appId, name: app.displayName };
  const fail = (code: number, more: Record<string, string> = {}): ClientAuth => ({
    ok: false,
    answer: entraErrorAnswer(code, { ...vars, ...more }),
  });
  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if (ctx.publicClient) return secret || assertion ? fail(700025) : { ok: true, method: 'none' };
  if (!assertion) {
    if (!secret) return fail(7000218);
    const match = app.secrets.find((s) => s.value === secret);
    if (!match) return fail(7000215);
    if (Date.parse(match.endDateTime) <= ctx.now()) return fail(7000222);
    return { ok: true, method: 'secret' };
  }
  if (form.get('client_assertion_type') !== JWT_BEARER) return fail(7000218);
  const jwt = decodeJwt(assertion);
  if (!jwt) return fail(50027);
  const { header, claims } = jwt;
  const nowS = Math.floor(ctx.now() / 1000);
  const nbf = typeof claims.nbf === 'number' ? claims.nbf : undefined;
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  const outOfTime = () =>
    exp === undefined ||
    nowS >= exp + SKEW_SECONDS ||
    (nbf !== undefined && nowS < nbf - SKEW_SECONDS)
      ? fail(700024, { now: instant(nowS), nbf: instant(nbf), exp: instant(exp) })
      : undefined;

  // A certificate assertion names its key by thumbprint and is issued by the app itself.
  if (claims.iss === app.appId || header.x5t !== undefined || header['x5t#S256'] !== undefined) {
    if (claims.sub !== claims.iss || claims.iss !== app.appId) return fail(50048);
    if (Array.isArray(claims.aud) && claims.aud.length > 1) return fail(5002741);
    if (claims.aud !== ctx.tokenUrl) return fail(700023);
    const registered = app.certificates.flatMap((c) => {
      if (!c.certPem) return [];
      const x509 = new X509Certificate(c.certPem);
      return [
        {
          x509,
          x5t: createHash('sha1').update(x509.raw).digest('base64url'),
          x5tS256: createHash('sha256').update(x509.raw).digest('base64url'),
        },
      ];
    });
    const key = registered.find((r) => r.x5tS256 === header['x5t#S256'] || r.x5t === header.x5t);
    const shown =
      typeof header.x5t === 'string'
        ? Buffer.from(header.x5t, 'base64url').toString('hex').toUpperCase()
        : typeof header['x5t#S256'] === 'string'
          ? header['x5t#S256']
          : '';
    if (!key) return fail(700027, { reason: 'The key was not found.', thumbprint: shown });
    if (!verifies(header.alg, key.x509.publicKey, jwt.signed, jwt.sig))
      return fail(700027, {
        reason: 'Key was found, but use of the key to verify the signature failed.',
        thumbprint: shown,
      });
    const late = outOfTime();
    if (late) return late;
    return { ok: true, method: 'certificate' };
  }

  // Workload identity federation: the external token is matched on issuer, audience, subject.
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  const first: unknown = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  const aud = typeof first === 'string' ? first : '';
  const presented = { issuer: iss, subject: sub, audience: aud };
  const creds = tenant.federatedCredentials ?? [];
  if (creds.length === 0) return fail(70021, presented);
  const byIssuer = creds.filter((c) => c.issuer === iss);
  if (byIssuer.length === 0) return fail(700211, presented);
  const issuerKey = ctx.issuerKeys[iss];
  if (!issuerKey || !verifies(header.alg, createPublicKey(issuerKey), jwt.signed, jwt.sig))
    return fail(50027);
  const late = outOfTime();
  if (late) return late;
  const byAudience = byIssuer.filter((c) => c.audiences.includes(aud));
  if (byAudience.length === 0) return fail(700212, presented);
  if (byAudience.some((c) => c.subject === sub)) return { ok: true, method: 'federated' };
  if (byAudience.some((c) => c.subject.toLowerCase() === sub.toLowerCase()))
    return fail(7002138, presented);
  return fail(700213, presented);
}
