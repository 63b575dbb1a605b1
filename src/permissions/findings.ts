// What is wrong though present: settings around the permissions that break the mail login even
// when every permission is granted.
import type { Application } from '../graph/types.js';
import type { Settings } from '../settings/types.js';
import { proseValue } from '../text/sanitise.js';
import type { HeldPermission, RegistrationEvidence } from './grants.js';
import type { PermissionRow } from './rows.js';
import type { TokenEvidence } from './token-evidence.js';
import { rolesBroaderThanNeeded } from './exchange-authorization.js';
import type { MailProtocol } from '../mailbox/probe-types.js';

export interface Finding {
  level: 'fail' | 'warn' | 'note';
  text: string;
  remediation?: string;
  code?: string;
}

const OIDC = new Set(['offline_access', 'openid', 'profile', 'email']);

export function findings(input: {
  settings: Settings;
  application?: Application;
  evidence: RegistrationEvidence;
  token: TokenEvidence;
  rows: PermissionRow[];
  /** How the mail token request went: ok, or failed with its AADSTS code if any. */
  mailToken: { ok: true } | { ok: false; code?: string };
}): Finding[] {
  const { settings, application, evidence, token, rows } = input;
  const out: Finding[] = [];

  const publicClient = publicClientFinding(settings, application, input.mailToken);
  if (publicClient) out.push(publicClient);

  const broader =
    settings.exchangeAuthorization === 'rbac'
      ? rolesBroaderThanNeeded(evidence, runProtocols(settings))
      : [];
  if (broader.length)
    out.push({
      level: 'note',
      text:
        `${broader.join(', ')} (Office 365 Exchange Online, application) ${broader.length > 1 ? 'are' : 'is'} consented in Entra: with exchange-authorization: rbac ` +
        'that is broader than needed (it applies to every mailbox in the tenant), and Microsoft advises against consenting it alongside RBAC for Applications.',
    });

  // Only for the mix-up it explains: Mail.Send held, SMTP.Send never added. SMTP.Send added but
  // not consented is a different mistake with its own fix (consent), so no note then.
  const smtpMissing = rows.some(
    (r) =>
      (r.requirement.name === 'SMTP.Send' || r.requirement.name === 'SMTP.SendAsApp') &&
      r.configured === 'no' &&
      r.consented !== 'yes',
  );
  const isGraphMailSend = (p: HeldPermission) =>
    p.resource === 'graph' && p.name?.toLowerCase() === 'mail.send';
  const held = [evidence.configured, evidence.appRoles, evidence.delegated].flatMap((k) =>
    k.ok ? k.value : [],
  );
  if (smtpMissing && held.some(isGraphMailSend)) {
    out.push({
      level: 'note',
      text:
        'Microsoft Graph Mail.Send is on the registration, but it does not allow SMTP: it covers ' +
        'sending through the Graph API only. SMTP AUTH needs SMTP.Send (delegated) or ' +
        'SMTP.SendAsApp (Exchange Online, application).',
    });
  }

  if (token.mail?.audience === 'graph') {
    out.push({
      level: 'fail',
      text:
        "The mail token's audience is Microsoft Graph; IMAP, POP and SMTP refuse such tokens. " +
        'Unprefixed scopes (IMAP.AccessAsUser.All) resolve to Graph.',
      remediation:
        'Prefix every mail scope with the Outlook resource, e.g. ' +
        `\`${settings.endpoints.outlookDelegated}/IMAP.AccessAsUser.All\`, or leave \`scope\` empty for the defaults.`,
    });
  }

  const defaults = settings.scopes.filter((s) => s === '.default' || s.endsWith('/.default'));
  const others = settings.scopes.filter((s) => !defaults.includes(s) && !OIDC.has(s));
  if (defaults.length && others.length) {
    out.push({
      level: 'fail',
      code: 'AADSTS70011',
      text: `The \`scope\` input mixes ${defaults.join(' ')} with other scopes (${others.join(' ')}); .default cannot be combined with named scopes.`,
      remediation: `Request either \`${defaults[0]}\` alone or the named scopes alone.`,
    });
  }
  return out;
}

/**
 * "Allow public client flows" (isFallbackPublicClient) is a fallback: Entra reads it only when it
 * cannot tell the client type, as with ROPC and no redirect URI
 * (https://learn.microsoft.com/graph/api/resources/application). A token request with the secret
 * that worked proves it harmless, so it is a note; only when Entra answered AADSTS700025 is it a
 * failure, and then the redirect-URI platforms say which fix applies (Web is confidential,
 * "Mobile and desktop applications" is public).
 */
function publicClientFinding(
  settings: Settings,
  application: Application | undefined,
  mailToken: { ok: true } | { ok: false; code?: string },
): Finding | undefined {
  const mailTokenCode = mailToken.ok ? undefined : mailToken.code;
  if (!application || settings.clientAuth === 'none') return undefined;
  const web = application.web?.redirectUris ?? [];
  const mobile = application.publicClient?.redirectUris ?? [];
  const flag = application.isFallbackPublicClient === true;
  const authentication = `Entra ID → App registrations → ${application.displayName ? proseValue(application.displayName) : settings.clientId} → Authentication`;
  if (mailTokenCode === 'AADSTS700025') {
    const why: string[] = [];
    const fix: string[] = [];
    if (mobile.length && !web.length) {
      why.push(
        `its redirect URIs are registered under "Mobile and desktop applications" (${mobile.join(', ')}) and none under Web`,
      );
      fix.push(
        `${authentication}: register the redirect URI under the Web platform (Add a platform → Web) instead of "Mobile and desktop applications"`,
      );
    }
    if (flag) {
      why.push(
        `"Allow public client flows" is on${web.length ? '' : ' and there is no Web redirect URI, so Entra fell back to it'}`,
      );
      fix.push(`${authentication} → Advanced settings → "Allow public client flows": set it to No`);
    }
    if (!why.length) why.push('the registration shows neither the flag nor public redirect URIs');
    return {
      level: 'fail',
      code: 'AADSTS700025',
      text: `Entra treated the app as a public client and refused the client secret (AADSTS700025): ${why.join('; ')}.`,
      remediation: `${fix.join('; or ')}${fix.length ? '; or ' : ''}stop sending \`client-secret\` with \`grant: password\`.`,
    };
  }
  if (!flag) return undefined;
  return {
    level: 'note',
    text:
      '"Allow public client flows" is on. Entra uses it only when it cannot tell the client type (ROPC without a redirect URI)' +
      (mailToken.ok
        ? ', and the token request with the client secret worked: harmless here.'
        : '; the token request did not fail because of it (no AADSTS700025).'),
  };
}

/** The mail protocols the run's activities use. */
function runProtocols(settings: Settings): MailProtocol[] {
  return [
    ...(settings.activities.includes('read') ? [settings.readProtocol] : []),
    ...(settings.activities.includes('send') ? (['smtp'] as const) : []),
  ];
}
