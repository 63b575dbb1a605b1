// Why Microsoft Graph refused to show part of the registration, and what would let the check see
// it. A refusal for want of a Graph permission (`Authorization_RequestDenied`, or a 403 whose
// `code` is empty, as $batch items can carry) gets the Application.Read.All hint; Exchange's own
// refusal of mailbox data (`ErrorAccessDenied`, "Access to OData is disabled.") is an Exchange
// setting, not a Graph permission, and is said to be one.
import type { GraphReadFailure } from '../graph/types.js';

const isGraphPermissionRefusal = (failure: GraphReadFailure): boolean =>
  failure.code === 'Authorization_RequestDenied' || (failure.status === 403 && !failure.code);

export function explainGraphRefusal(what: string, failure: GraphReadFailure): string {
  const said = failure.graphMessage ? ` ("${failure.graphMessage}")` : '';
  // A 2xx answer that could not be read (an unexpected shape) is not a refusal.
  const answered = failure.status !== undefined && failure.status >= 200 && failure.status < 300;
  const base = answered
    ? `Microsoft Graph's answer for ${what} could not be read: ${failure.message}${said}.`
    : `Microsoft Graph refused to show ${what}: ${failure.message}${said}.`;
  if (isGraphPermissionRefusal(failure))
    return `${base} Application.Read.All (and Directory.Read.All for delegated grants) would let the check see it.`;
  if (failure.code === 'ErrorAccessDenied')
    return `${base} Exchange Online refused the app access to mailbox data through Graph (an application access policy or an RBAC for Applications scope): an Exchange setting, not a missing Graph permission.`;
  return base;
}
