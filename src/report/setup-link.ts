// Which section of the setup guide (docs/setup.md) a failed or warned check's fix belongs to, so
// that every "Fix:" can link to the step it repairs. The guide's section names are stable anchors.
import type { CheckResult } from '../engine/types.js';

export const SETUP_GUIDE_PATH = 'docs/setup.md';

/** The most specific step the fix names first; then the check's own step. */
const RULES: [RegExp, string][] = [
  [
    /New-ServicePrincipal|Add-MailboxPermission|service principal|RBAC/i,
    'exchange-service-principal',
  ],
  [
    /Set-CASMailbox|SmtpClientAuthentication|Set-TransportConfig|Email apps|security defaults/i,
    'mail-protocols',
  ],
  [/admin consent|consent/i, 'admin-consent'],
  [/API permissions|Add a permission/i, 'api-permissions'],
  [/\bscope|audience/i, 'token-request'],
  [/client secret|Certificates (&|and) secrets|certificate|federated/i, 'client-credential'],
  [/password|username|MFA|account|licen[cs]e/i, 'mailbox-account'],
  [/tenant-id|client-id|app registration|public client/i, 'app-registration'],
];
const BY_CHECK: Partial<Record<CheckResult['id'], string>> = {
  token: 'app-registration',
  permissions: 'api-permissions',
  'secret-expiry': 'client-credential',
  'mailbox-imap': 'mail-protocols',
  'mailbox-pop': 'mail-protocols',
  'mailbox-smtp': 'mail-protocols',
};

export function setupAnchor(check: CheckResult): string | undefined {
  if (check.status === 'pass' || check.status === 'skip' || check.id === 'inputs') return undefined;
  const text = `${check.remediation ?? ''}\n${check.summary}`;
  return RULES.find(([pattern]) => pattern.test(text))?.[1] ?? BY_CHECK[check.id];
}

/**
 * Where the guide is for a run of the action: the action's own repository at the ref the
 * workflow uses (`uses: owner/repo@v1`), else this repository's commit (`uses: ./`).
 */
export function setupGuideUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  if (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF)
    return `${server}/${env.GITHUB_ACTION_REPOSITORY}/blob/${env.GITHUB_ACTION_REF}/${SETUP_GUIDE_PATH}`;
  if (env.GITHUB_REPOSITORY && env.GITHUB_SHA)
    return `${server}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/${SETUP_GUIDE_PATH}`;
  return undefined;
}
