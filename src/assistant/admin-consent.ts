// The tenant-wide admin-consent URL and Microsoft's warning that goes with it. Source:
// https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent ("Construct the
// URL for granting tenant-wide admin consent", and its IMPORTANT note), which also names the roles
// that may use it.

export function adminConsentUrl(authority: string, tenant: string, clientId: string): string {
  return `${authority}/${encodeURIComponent(tenant)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}

export const ADMIN_CONSENT_WARNING = [
  'Opening this URL as an administrator grants tenant-wide consent for every permission the',
  "registration's API permissions list (requiredResourceAccess), not only the ones this tool needs.",
  'Microsoft warns that granting tenant-wide admin consent may revoke permissions already granted',
  'tenant-wide for the application that are no longer configured; permissions users granted for',
  'themselves are not affected. Review the API permissions page first.',
  'Who may grant it: Privileged Role Administrator (any permission), Cloud Application Administrator',
  'or Application Administrator (any permission except Microsoft Graph application permissions).',
  'Source: https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent',
].join('\n');
