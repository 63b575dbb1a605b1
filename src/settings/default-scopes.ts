// The scopes the mail token request asks for when `scope` is not given (contract: Default scopes).
// Delegated mail scopes must carry the Outlook resource prefix: unprefixed names resolve to
// Microsoft Graph and give a token that IMAP/POP/SMTP refuse.
import type { Activity, Endpoints, Grant, ReadProtocol } from './types.js';

export function defaultMailScopes(
  grant: Grant,
  activities: readonly Activity[],
  readProtocol: ReadProtocol,
  endpoints: Pick<Endpoints, 'outlookDelegated' | 'outlookApp'>,
): string[] {
  if (grant === 'client-credentials') return [`${endpoints.outlookApp}/.default`];
  const scopes: string[] = [];
  if (activities.includes('read')) {
    const name = readProtocol === 'pop' ? 'POP.AccessAsUser.All' : 'IMAP.AccessAsUser.All';
    scopes.push(`${endpoints.outlookDelegated}/${name}`);
  }
  if (activities.includes('send')) scopes.push(`${endpoints.outlookDelegated}/SMTP.Send`);
  scopes.push('offline_access');
  return scopes;
}
