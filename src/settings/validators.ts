// Small value checks shared by the settings parser: identifiers that end up in URL paths,
// URLs that may only be plain http on loopback, host:port pairs.
import { isIP } from 'node:net';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN =
  /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

export const isGuid = (value: string): boolean => GUID.test(value);

/** Why a tenant id is refused, or undefined when it is a GUID or a domain name. */
export function tenantIdProblem(value: string): string | undefined {
  const lower = value.toLowerCase();
  if (['common', 'organizations', 'consumers'].includes(lower)) {
    return `'${value}' is a multi-tenant alias; ROPC and app-only tokens need the Directory (tenant) ID or a verified domain of your tenant (Entra ID → Overview → Tenant ID)`;
  }
  // The value goes into the token URL's path: refuse anything that could change the path.
  if (/[/\\?#%\s]/.test(value) || value.includes('..')) {
    return `'${value}' contains a character that is not allowed in a tenant id (/ \\ ? # % space or ..); give the Directory (tenant) ID GUID or a domain such as contoso.onmicrosoft.com`;
  }
  if (isGuid(value) || DOMAIN.test(value)) return undefined;
  return `'${value}' is neither a GUID nor a domain name; give the Directory (tenant) ID from Entra ID → Overview, or a verified domain such as contoso.onmicrosoft.com`;
}

/**
 * Loopback written literally: `localhost`, an IPv4 address in 127.0.0.0/8 or `::1` (as a URL's
 * hostname gives them). Not `*.localhost`: the system resolver answers for such a name, and
 * whatever it answers (a hosts file, a DNS server on the network) would get plain http.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** Parses an endpoint base URL (scheme and host, optional port). Returns the normalised origin. */
export function parseBaseUrl(value: string): { origin?: string; problem?: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `'${value}' is not a URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `'${value}' must use https://` };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      problem: `'${value}' uses http://, which is accepted only for loopback hosts; use https://`,
    };
  }
  if (url.username || url.password)
    return { problem: `'${url.origin}' must not carry credentials` };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return {
      problem: `'${value}' must be a scheme and host only (the path is added by the action)`,
    };
  }
  return { origin: url.origin };
}

export function parseHostPort(value: string): { host?: string; port?: number; problem?: string } {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/i.exec(value.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) {
    return { problem: `'${value}' must be host:port, e.g. outlook.office365.com:993` };
  }
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

/** Splits a comma- or newline-separated list, dropping blanks. */
export const splitList = (value: string): string[] =>
  value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

export const splitLines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
