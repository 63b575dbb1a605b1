// What is wrong though present: settings around the permissions that break the mail login even
// when every permission is granted.
import type { Application } from '../graph/types.js';
import type { Settings } from '../settings/types.js';
import type { HeldPermission, RegistrationEvidence } from './grants.js';
import type { PermissionRow } from './rows.js';
import type { TokenEvidence } from './token-evidence.js';

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
}): Finding[] {
  const { settings, application, evidence, token, rows } = input;
  const out: Finding[] = [];

  if (application?.isFallbackPublicClient && settings.clientSecret) {
    out.push({
      level: settings.grant === 'password' ? 'fail' : 'warn',
      code: 'AADSTS700025',
      text:
        '"Allow public client flows" is on for this registration while a client secret is used: ' +
        'Entra then treats the ROPC request as a public client and refuses the secret (AADSTS700025).',
      remediation:
        'Entra ID → App registrations → ' +
        `${application.displayName ?? settings.clientId} → Authentication → Advanced settings → ` +
        '"Allow public client flows": set it to No (or stop sending `client-secret` with `grant: password`).',
    });
  }

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
