// GET /applications: every application of the sandbox tenant, paged with @odata.nextLink the way
// Graph pages (an opaque $skiptoken inside an absolute link; fewer than $top is allowed).
// The connector's own app comes first, then the generated ones, each built when its page is
// asked for, so a tenant of 100,000 apps costs the sandbox one page of memory.
// Listing needs Application.Read.All (or a broader role) in the app-only token, else 403.
import type { GraphAnswer, GraphRequest } from '../routes/graph.js';
import type { GeneratedApps } from '../tenant.js';
import { applicationResource, selector } from './applications.js';

const DAY = 86_400_000;
const MAX_TOP = 999;
const DEFAULT_TOP = 100;
const LIST_ROLES = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All'];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Dates of generated credentials, by epoch and day offset: a tenant cycles through a few. */
const isoCache = new Map<number, string>();
function isoOf(ms: number): string {
  let text = isoCache.get(ms);
  if (text === undefined) {
    if (isoCache.size > 10_000) isoCache.clear();
    isoCache.set(ms, (text = iso(ms)));
  }
  return text;
}
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

/** The i-th generated application (1-based) as Graph shows it. Deterministic: tests use it. */
export function generatedApp(spec: GeneratedApps, i: number): Record<string, unknown> {
  const k = i - 1;
  const n = hex(i, 12);
  const secretDays = spec.secretDays[k % spec.secretDays.length]!;
  const certDays = spec.certificateDays?.[k % spec.certificateDays.length] ?? null;
  return {
    id: `0a000000-0000-4000-8000-${n}`,
    appId: `0b000000-0000-4000-8000-${n}`,
    displayName: `Generated app ${i}`,
    passwordCredentials: [
      {
        customKeyIdentifier: null,
        displayName: `secret of app ${i}`,
        endDateTime: isoOf(spec.epochMs + secretDays * DAY),
        hint: `g${hex(i % 256, 2)}`,
        keyId: `0c000000-0000-4000-8000-${n}`,
        secretText: null,
        startDateTime: isoOf(spec.epochMs - 100 * DAY),
      },
    ],
    keyCredentials:
      certDays === null
        ? []
        : [
            {
              customKeyIdentifier: `THUMBPRINT${hex(i, 30)}`.toUpperCase(),
              displayName: `CN=app-${i}`,
              endDateTime: isoOf(spec.epochMs + certDays * DAY),
              key: null,
              keyId: `0d000000-0000-4000-8000-${n}`,
              startDateTime: isoOf(spec.epochMs - 100 * DAY),
              type: 'AsymmetricX509Cert',
              usage: 'Verify',
            },
          ],
  };
}

export function listApplications(req: GraphRequest, query: URLSearchParams): GraphAnswer {
  const roles = Array.isArray(req.claims?.roles) ? (req.claims.roles as unknown[]) : [];
  if (!roles.some((r) => typeof r === 'string' && LIST_ROLES.includes(r)))
    return {
      status: 403,
      body: {
        error: {
          code: 'Authorization_RequestDenied',
          message: 'Insufficient privileges to complete the operation.',
          innerError: { date: new Date().toISOString(), 'request-id': crypto.randomUUID() },
        },
      },
    };
  const { tenant } = req;
  const total = 1 + (tenant.otherApps?.count ?? 0);
  const top = Math.min(Number(query.get('$top') ?? DEFAULT_TOP) || DEFAULT_TOP, MAX_TOP);
  const size = Math.min(top, tenant.otherApps?.maxPageSize ?? MAX_TOP);
  const offset = decodeSkipToken(query.get('$skiptoken'));
  if (offset === undefined)
    return {
      status: 400,
      body: { error: { code: 'Request_BadRequest', message: 'Invalid $skiptoken.' } },
    };
  const value: Record<string, unknown>[] = [];
  const pick = selector(query);
  for (let i = offset; i < Math.min(offset + size, total); i++) {
    const resource = i === 0 ? applicationResource(tenant) : generatedApp(tenant.otherApps!, i);
    value.push(pick(resource));
  }
  const body: Record<string, unknown> = {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications',
    value,
  };
  if (offset + size < total) {
    const next = new URLSearchParams(query);
    next.set('$skiptoken', encodeSkipToken(offset + size));
    const params = [...next].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    body['@odata.nextLink'] = `http://${String(req.headers.host)}/v1.0/applications?${params}`;
  }
  return { status: 200, body };
}

// Opaque to clients, as Graph's are: clients must follow the whole link, never build one.
const encodeSkipToken = (offset: number) => Buffer.from(`sandbox:${offset}`).toString('base64url');
function decodeSkipToken(token: string | null): number | undefined {
  if (token === null) return 0;
  const m = /^sandbox:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}
