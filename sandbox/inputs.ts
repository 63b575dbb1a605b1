// The inputs that point a run at a sandbox: its tenant, app and user credentials, the token
// check, and the authority and Graph endpoints on the sandbox's URL. Tests, the bench and
// `npm start` put what they vary on top.
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from './tenant.js';

export const sandboxInputs = (
  sandbox: { url: string },
  more: Record<string, string> = {},
): Record<string, string> => ({
  'tenant-id': SANDBOX_TENANT_ID,
  'client-id': SANDBOX_CLIENT_ID,
  'client-secret': SANDBOX_SECRET,
  username: SANDBOX_USER,
  password: SANDBOX_PASSWORD,
  checks: 'token',
  endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
  ...more,
});
