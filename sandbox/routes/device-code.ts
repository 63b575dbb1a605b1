// The device authorization grant of the sandbox tenant: POST /{tenant}/oauth2/v2.0/devicecode
// answers a code as Entra does, and the token endpoint's
// grant_type=urn:ietf:params:oauth:grant-type:device_code polls walk the tenant's script
// (tenant.deviceCode.steps). Answer shapes:
// - device-code answer and the polling errors: https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code
//   (the message's wording as a user pasted it: https://learn.microsoft.com/answers/questions/981553);
// - authorization_pending carries AADSTS70016 (same Q&A thread);
// - slow_down is RFC 8628 section 3.5; Entra does not document sending it (UNCONFIRMED);
// - AADSTS codes (7000218, 90094, 53003, 65001) are answered in the token endpoint's error shape
//   (sandbox/entra-errors.ts). Whether Entra's poll carries 90094 or 53003 itself, or only the
//   browser shows them and the poll ends declined or expired, is UNCONFIRMED: the product's
//   diagnosis covers both.
// A client other than the tenant's app (Microsoft Graph Command Line Tools, for `setup`) signs
// in one of tenant.admins and gets a delegated Graph token with the scopes it asked for.
import { randomBytes, randomUUID } from 'node:crypto';
import '../assistant-tenant.js';
import { entraErrorAnswer, entraErrorBody } from '../entra-errors.js';
import { signJwt, type SigningKey } from '../jwt.js';
import type { SandboxTenant } from '../tenant.js';

export interface DeviceCodeAnswer {
  status: number;
  body: Record<string, unknown>;
}

interface PendingCode {
  clientId: string;
  scopes: string[];
  step: number;
  expiresAt: number;
}

export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

/**
 * Texts for codes sandbox/entra-errors.ts does not have. 90094 as users quote it
 * (https://github.com/pnp/cli-microsoft365/issues/534); its `error` field is UNCONFIRMED.
 */
const DEVICE_FLOW_ERRORS: Record<number, { status: number; error: string; text: string }> = {
  90094: { status: 400, error: 'invalid_grant', text: 'The grant requires admin permission.' },
};

const codes = new WeakMap<SandboxTenant, Map<string, PendingCode>>();
const OIDC = new Set(['offline_access', 'openid', 'profile', 'email']);

export function answerDeviceCodeRequest(
  tenant: SandboxTenant,
  tenantInPath: string,
  form: URLSearchParams,
  now: () => number,
): DeviceCodeAnswer {
  const wrongTenant = checkTenant(tenant, tenantInPath);
  if (wrongTenant) return wrongTenant;
  const clientId = form.get('client_id') ?? '';
  const scope = form.get('scope') ?? '';
  if (!clientId || !scope)
    return entraErrorAnswer(
      900144,
      {},
      {
        status: 400,
        error: 'invalid_request',
        text: `The request body must contain the following parameter: '${clientId ? 'scope' : 'client_id'}'.`,
      },
    );
  // A client other than the app is accepted only when the tenant has administrators to sign in.
  if (clientId !== tenant.app.appId && !tenant.admins?.length)
    return entraErrorAnswer(700016, { tenant: tenant.tenantId, client: clientId });
  const deviceCode = `DAQABIQEAAAD-sandbox.${randomBytes(24).toString('base64url')}`;
  const userCode = randomBytes(5).toString('hex').slice(0, 9).toUpperCase();
  const expiresIn = 900;
  let map = codes.get(tenant);
  if (!map) codes.set(tenant, (map = new Map<string, PendingCode>()));
  map.set(deviceCode, {
    clientId,
    scopes: scope.split(/\s+/).filter(Boolean),
    step: 0,
    expiresAt: now() + expiresIn * 1000,
  });
  const uri = 'https://microsoft.com/devicelogin';
  return {
    status: 200,
    body: {
      user_code: userCode,
      device_code: deviceCode,
      verification_uri: uri,
      expires_in: expiresIn,
      interval: tenant.deviceCode?.interval ?? 5,
      message: `To sign in, use a web browser to open the page ${uri} and enter the code ${userCode} to authenticate.`,
    },
  };
}

export function answerDeviceCodePoll(
  tenant: SandboxTenant,
  tenantInPath: string,
  form: URLSearchParams,
  key: SigningKey,
  now: () => number,
): DeviceCodeAnswer {
  const wrongTenant = checkTenant(tenant, tenantInPath);
  if (wrongTenant) return wrongTenant;
  const pending = codes.get(tenant)?.get(form.get('device_code') ?? '');
  if (!pending || pending.clientId !== form.get('client_id'))
    return oauth(
      'bad_verification_code',
      70000,
      "The provided value for the input parameter 'device_code' is not valid.",
    );
  if (now() > pending.expiresAt)
    return oauth(
      'expired_token',
      70020,
      "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
    );
  const steps = tenant.deviceCode?.steps ?? ['approve'];
  const step = steps[Math.min(pending.step, steps.length - 1)]!;
  pending.step++;
  const vars = { tenant: tenant.tenantId, client: pending.clientId, name: tenant.app.displayName };
  if (typeof step === 'number') return entraErrorAnswer(step, vars, DEVICE_FLOW_ERRORS[step]);
  switch (step) {
    case 'pending':
      return oauth(
        'authorization_pending',
        70016,
        'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
      );
    case 'slow_down':
      return oauth(
        'slow_down',
        70016,
        'OAuth 2.0 device flow error. Polling too often: slow down.',
      );
    case 'declined':
      return oauth('authorization_declined', 70000, 'The user declined the authorization request.');
    case 'expired':
      return oauth(
        'expired_token',
        70020,
        "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
      );
    case 'bad_code':
      return oauth(
        'bad_verification_code',
        70000,
        "The provided value for the input parameter 'device_code' is not valid.",
      );
  }
  codes.get(tenant)?.delete(form.get('device_code') ?? '');
  return approve(tenant, pending, key, now);
}

function approve(
  tenant: SandboxTenant,
  pending: PendingCode,
  key: SigningKey,
  now: () => number,
): DeviceCodeAnswer {
  const vars = { tenant: tenant.tenantId, client: pending.clientId, name: tenant.app.displayName };
  const names = pending.scopes
    .filter((s) => !OIDC.has(s))
    .map((s) => s.slice(s.lastIndexOf('/') + 1));
  const resource =
    pending.scopes.find((s) => s.includes('/'))?.replace(/\/[^/]*$/, '') ??
    'https://graph.microsoft.com';
  const aud = resource.startsWith('https://outlook.office')
    ? 'https://outlook.office.com'
    : 'https://graph.microsoft.com';
  let user: string;
  if (pending.clientId === tenant.app.appId) {
    // The registration itself: a public-client flow, refused while public client flows are off.
    if (!tenant.app.isFallbackPublicClient) return entraErrorAnswer(7000218, vars);
    const granted = new Set(tenant.delegatedGrants.flatMap((g) => g.scope.split(/\s+/)));
    if (names.some((n) => !granted.has(n))) return entraErrorAnswer(65001, vars);
    user = tenant.users[0]?.upn ?? 'user@sandbox.invalid';
  } else {
    const admin =
      tenant.admins?.find((a) => a.upn === tenant.deviceCode?.signInAs) ?? tenant.admins?.[0];
    if (!admin) return entraErrorAnswer(700016, vars);
    user = admin.upn;
  }
  const t = Math.floor(now() / 1000);
  const claims = {
    aud,
    iss: `https://sts.windows.net/${tenant.tenantId}/`,
    iat: t,
    nbf: t,
    exp: t + 3599,
    appid: pending.clientId,
    appidacr: '0',
    tid: tenant.tenantId,
    ver: '1.0',
    uti: randomUUID(),
    upn: user,
    unique_name: user,
    oid: `oid-${user}`,
    scp: names.join(' '),
    amr: ['pwd', 'mfa'],
    idtyp: 'user',
  };
  const refresh = pending.scopes.includes('offline_access');
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      scope: pending.scopes.filter((s) => !OIDC.has(s)).join(' '),
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: signJwt(claims, key),
      ...(refresh ? { refresh_token: `sandbox-rt.${randomUUID()}.${randomUUID()}` } : {}),
    },
  };
}

function checkTenant(tenant: SandboxTenant, tenantInPath: string): DeviceCodeAnswer | undefined {
  const t = tenantInPath.toLowerCase();
  if (t === tenant.tenantId || t === tenant.domain || t === 'organizations') return undefined;
  return entraErrorAnswer(90002, { tenant: tenantInPath });
}

function oauth(error: string, code: number, text: string): DeviceCodeAnswer {
  return { status: 400, body: entraErrorBody({ status: 400, error, code, text }) };
}
