// The scopes the mail token request asks for when `scope` is not given (contract: Default scopes).
// Delegated mail scopes must carry the Outlook resource prefix: unprefixed names resolve to
// Microsoft Graph and give a token that IMAP/POP/SMTP refuse.
import {
  MAIL_PERMISSIONS,
  type Activity,
  type Endpoints,
  type Grant,
  type ReadProtocol,
} from './types.js';

export function defaultMailScopes(
  grant: Grant,
  activities: readonly Activity[],
  readProtocol: ReadProtocol,
  endpoints: Pick<Endpoints, 'outlookDelegated' | 'outlookApp'>,
): string[] {
  if (grant === 'client-credentials') return [`${endpoints.outlookApp}/.default`];
  const scopes: string[] = [];
  if (activities.includes('read')) {
    scopes.push(`${endpoints.outlookDelegated}/${MAIL_PERMISSIONS[readProtocol].delegated}`);
  }
  if (activities.includes('send'))
    scopes.push(`${endpoints.outlookDelegated}/${MAIL_PERMISSIONS.smtp.delegated}`);
  scopes.push('offline_access');
  return scopes;
}
