// What a device-code flow that did not end in a token means for the setup, in plain words, with
// the fix and the commands filled in. The OAuth `error` decides first (Microsoft documents it as
// stable); the AADSTS number refines it. Sources:
// - polling errors: https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code#expected-errors
// - AADSTS codes: https://learn.microsoft.com/entra/identity-platform/reference-error-codes
// - AADSTS7000218 for a confidential registration that sends no secret (public client flows off):
//   https://github.com/Azure/azure-sdk-for-js/issues/21395 (the answer quoted by a user),
//   and the "Allow public client flows" setting (isFallbackPublicClient):
//   https://learn.microsoft.com/graph/api/resources/application
// - Conditional Access can block the device-code flow (authentication flows condition):
//   https://learn.microsoft.com/entra/identity/conditional-access/concept-authentication-flows
import type { DeviceCodeFailure } from './device-code.js';
import { graphId } from '../text/command-values.js';

export interface ConsentDiagnosis {
  /** One line: what happened. */
  summary: string;
  /** Why, and what else it could be, most likely first. */
  explanation: string[];
  /** What to do, commands included. */
  fix: string[];
}

export interface DiagnosisContext {
  tenant: string;
  clientId: string;
  adminConsentUrl: string;
}

export function diagnoseDeviceCode(f: DeviceCodeFailure, ctx: DiagnosisContext): ConsentDiagnosis {
  const consentFix = [
    'An administrator grants consent: `m365-mail-preflight setup --apply` (only what the plan lists),',
    `or the portal (Entra ID > App registrations > your app > API permissions > Grant admin consent),`,
    `or \`m365-mail-preflight consent --admin\` for the admin-consent URL (read its warning first).`,
  ];
  switch (f.code) {
    case 7000218:
      return {
        summary:
          'AADSTS7000218: the registration is a confidential client, so Entra wants a client secret for the device-code flow ("Allow public client flows" is off).',
        explanation: [
          'The device-code flow runs as a public client (no secret). Entra treats the registration as confidential while "Allow public client flows" (isFallbackPublicClient) is No.',
          'Turning it on only for this check is enough. It is a fallback Entra uses when it cannot tell the client type; with a secret-based ROPC (grant: password with a client secret) Entra may then treat ROPC as public too and refuse the secret with AADSTS700025, so turn it off again after the check if the preflight then reports 700025.',
        ],
        fix: [
          'Portal: Entra ID > App registrations > your app > Authentication > Advanced settings > Allow public client flows: Yes > Save.',
          `az: az ad app update --id ${graphId(ctx.clientId)} --is-fallback-public-client true`,
          `Microsoft Graph PowerShell: Update-MgApplicationByAppId -AppId ${graphId(ctx.clientId)} -IsFallbackPublicClient`,
          `Afterwards, if a secret-based ROPC preflight reports AADSTS700025: az ad app update --id ${graphId(ctx.clientId)} --is-fallback-public-client false`,
        ],
      };
    case 90094:
      return {
        summary:
          'AADSTS90094: the permissions need an administrator’s approval; the signed-in user may not consent to them.',
        explanation: [
          'Tenant consent settings, or permissions that always need admin consent (the Exchange and Graph application permissions, IMAP/SMTP delegated scopes in many tenants), stop a user from consenting.',
        ],
        fix: consentFix,
      };
    case 53003:
      return {
        summary:
          'AADSTS53003: a Conditional Access policy blocked the sign-in (policies can block the device-code flow itself).',
        explanation: [
          'Most likely: a policy with the "Authentication flows > Device code flow" condition set to block. Also possible: a location, device or risk condition. The sign-in log (Entra ID > Monitoring > Sign-in logs, filter on this application) names the policy.',
          'The device-code check is not needed to grant consent: an administrator can use the admin-consent URL in a browser instead.',
        ],
        fix: [
          `Admin-consent URL instead of device code: ${ctx.adminConsentUrl}`,
          '(run `m365-mail-preflight consent --admin` for Microsoft’s warning about what it grants and revokes)',
          'Or ask for an exclusion of this check from the policy, for the time of the check.',
        ],
      };
    case 65001:
      return {
        summary:
          'AADSTS65001: nobody has consented to these permissions for this application in this tenant.',
        explanation: [
          'The scopes asked for are not consented, and Entra could not ask for consent in this flow.',
        ],
        fix: consentFix,
      };
  }
  switch (f.error) {
    case 'authorization_declined':
      return {
        summary: 'The sign-in was declined on the verification page.',
        explanation: [
          'Most likely the person signing in chose Cancel or refused the consent prompt. Less likely: a "Need admin approval" page (AADSTS90094) that was closed.',
        ],
        fix: [
          'Run `m365-mail-preflight consent` again and accept, or have an administrator grant consent:',
          ...consentFix,
        ],
      };
    case 'expired_token':
    case 'local-expiry':
      return {
        summary: 'The code expired before the sign-in was finished.',
        explanation: [
          'Nobody entered the code in time (Entra gives 15 minutes). A sign-in stuck on a "Need admin approval" page (AADSTS90094) or blocked by a policy ends the same way for this command.',
        ],
        fix: ['Run `m365-mail-preflight consent` again and finish the sign-in in time.'],
      };
    case 'bad_verification_code':
      return {
        summary: 'Entra did not recognise the device code it was asked to redeem.',
        explanation: [
          'The code belongs to another tenant or client, or the request was altered on the way (a proxy).',
        ],
        fix: [
          'Run `m365-mail-preflight consent` again; behind a proxy, check that it passes form bodies unchanged.',
        ],
      };
    case 'network':
    case 'unreadable':
      return {
        summary: f.description ?? 'The token endpoint could not be read.',
        explanation: ['No setup step is known to be at fault.'],
        fix: [
          'Check the network path to the authority host (HTTPS_PROXY, NO_PROXY) and run again.',
        ],
      };
  }
  return {
    summary: `Entra refused the device-code flow with an answer this tool does not know: ${f.error}${f.code ? ` (AADSTS${f.code})` : ''}.`,
    explanation: [`Microsoft's text, verbatim: ${f.description ?? '(none)'}`],
    fix: [
      f.code
        ? `Look the code up: https://login.microsoftonline.com/error?code=${f.code}`
        : 'Check the sign-in log for this application.',
    ],
  };
}
